using System.Reflection;
using IntegrationHub.Hub.Startup;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Startup;

/// <summary>
/// Turns a refusal to start into what an operator reads: one line per problem naming the setting or
/// plugin, on standard error, and exit code 78 (EX_CONFIG), instead of an unhandled exception's stack
/// trace and an abort (134). Anything else is a bug and keeps its stack trace.
/// </summary>
public static class StartRefusal
{
    public const int ExitCode = 78;

    public const string Prefix = "IntegrationHub refused to start: ";

    /// <summary>
    /// The operator's lines for <paramref name="error"/>, or null when it is not a refusal, or when the
    /// hub is hosted by something else (a test host), which wants the exception itself.
    /// </summary>
    public static IReadOnlyList<string>? Describe(Exception error) =>
        Assembly.GetEntryAssembly() == typeof(StartRefusal).Assembly ? Problems(error) : null;

    public static int Report(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(Prefix + problem.ReplaceLineEndings(" "));
        }

        return ExitCode;
    }

    private static IReadOnlyList<string>? Problems(Exception error) =>
        error switch
        {
            HubStartRefusedException refused => refused.Problems,
            OptionsValidationException invalid => [.. invalid.Failures],
            // Refusals found while the host builds or starts its services arrive wrapped.
            TargetInvocationException { InnerException: { } inner } => Problems(inner),
            AggregateException all
                when all.InnerExceptions.Select(Problems).ToList() is var each && each.All(p => p is not null) =>
            [
                .. each.SelectMany(p => p!),
            ],
            IOException { InnerException: AddressInUseException } inUse =>
            [
                inUse.Message + " (another hub, or set Kestrel:Endpoints:<Name>:Url)",
            ],
            _ => null,
        };
}
