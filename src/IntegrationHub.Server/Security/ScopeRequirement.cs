using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Server.Security;

/// <summary>
/// The caller holds a scope: an API key's scope claim, or a JWT's space-separated "scope" or "scp" claim.
/// </summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (
            context
                .User.Claims.Where(c =>
                    c.Type is "scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope"
                )
                .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Contains(requirement.Scope, StringComparer.Ordinal)
        )
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
