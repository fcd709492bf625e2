using Google.Rpc;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// The JSON body of a transcoded RPC, read into memory up to the message limit and no further: a
/// declared Content-Length over the limit is refused before anything is read, a chunked body on
/// the first byte past it. The refusal is RESOURCE_EXHAUSTED as JSON transcoding writes a status
/// (HTTP 429, <c>{"code":8,"message":…,"details":[…]}</c>); the JSON reader would otherwise
/// report any failure while reading as a malformed payload.
/// </summary>
public static class JsonRequestBody
{
    private const int PieceBytes = 64 * 1024;

    /// <summary>
    /// Replaces the request body with its bytes held in memory; false (the call answered) when it is over
    /// <paramref name="limit"/>.
    /// </summary>
    public static async Task<bool> TryHoldAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(
                context,
                $"The request body declares {context.Request.ContentLength} bytes, more than the hub's limit of "
                    + $"{limit} bytes."
            );
            return false;
        }

        // A declared length is enforced by the web server (the body ends there); only a chunked body is counted here.
        if (
            context.Request.ContentLength is not null
            || HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsDelete(context.Request.Method)
        )
        {
            return true;
        }

        // Held in pieces below the large-object size (a refused body leaves only short-lived small objects), to one
        // byte more than allowed: that tells a body at the limit from one over it.
        var pieces = new List<(byte[] Bytes, int Length)>();
        var total = 0;
        int read;
        do
        {
            var piece = new byte[Math.Min(PieceBytes, limit + 1 - total)];
            read = await context.Request.Body.ReadAtLeastAsync(
                piece,
                piece.Length,
                throwOnEndOfStream: false,
                context.RequestAborted
            );
            total += read;
            pieces.Add((piece, read));
        } while (read == pieces[^1].Bytes.Length && total <= limit);

        if (total > limit)
        {
            await RefuseAsync(context, $"The request body is longer than the hub's limit of {limit} bytes.");
            return false;
        }

        var body = new byte[total];
        var at = 0;
        foreach (var (bytes, length) in pieces)
        {
            bytes.AsSpan(0, length).CopyTo(body.AsSpan(at));
            at += length;
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        return true;
    }

    private static Task RefuseAsync(HttpContext context, string message)
    {
        var status = RpcErrors.BuildStatus(
            Code.ResourceExhausted,
            message,
            "MESSAGE_TOO_LARGE",
            vendor: null,
            retryAfter: null,
            []
        );
        return JsonStatusResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, status);
    }
}
