using System.Reflection;
using IntegrationHub.Hub.Startup;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Startup;

/// <summary>
/// Turns a refusal to start into what an operator reads: one line naming the setting, on
/// standard error, and exit code 78 (EX_CONFIG), instead of an unhandled exception's stack trace
/// and an abort. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class StartRefusal
{
    public const int ExitCode = 78;

    /// <summary>
    /// The operator's line for <paramref name="error"/>, or null when it is not a refusal, or when the
    /// hub is hosted by something else (a test host), which wants the exception itself.
    /// </summary>
    public static string? Describe(Exception error)
    {
        if (Assembly.GetEntryAssembly() != typeof(StartRefusal).Assembly)
        {
            return null;
        }

        return error switch
        {
            HubStartRefusedException refused => refused.Message,
            OptionsValidationException invalid => string.Join(" ", invalid.Failures),
            AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) => string.Join(
                " ",
                all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)
            ),
            IOException { InnerException: AddressInUseException } inUse => inUse.Message
                + " (another hub, or set Kestrel:Endpoints:<Name>:Url)",
            _ => null,
        };
    }

    public static int Report(string line)
    {
        Console.Error.WriteLine("IntegrationHub refused to start: " + line.ReplaceLineEndings(" "));
        return ExitCode;
    }
}
