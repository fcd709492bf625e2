using Grpc.AspNetCore.Server;
using IntegrationHub.Hub.Composition;
using IntegrationHub.Server.Logging;
using IntegrationHub.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Server.Composition;

public static class HubSecurityExtensions
{
    private const string HubScheme = "Hub";

    /// <summary>
    /// API keys and JWT bearer tokens, a policy per scope, gRPC status codes for refusals, and logs without personal
    /// data.
    /// </summary>
    public static WebApplicationBuilder AddHubSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services
            .AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ConfiguredKeys>();
        services.AddSingleton<RecentApiKeys>();
        services.AddHostedService<DevelopmentKey>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        // Every log provider sees personal data masked above Debug.
        services.Decorate<ILoggerProvider, RedactingLoggerProvider>();

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var jwt = auth.Jwt;
        if (auth.ClientCaPath is { Length: > 0 } caPath && File.Exists(caPath))
        {
            var ca = PrivateCa.Load(caPath);
            builder.WebHost.ConfigureKestrel(k =>
                k.ConfigureHttpsDefaults(https =>
                    https.ClientCertificateValidation = (presented, _, _) => PrivateCa.Issued(presented, ca)
                )
            );
        }

        var authentication = services
            .AddAuthentication(HubScheme)
            .AddPolicyScheme(HubScheme, "API key or bearer token", o =>
                o.ForwardDefaultSelector = context =>
                    jwt.Enabled
                    && context
                        .Request.Headers.Authorization.ToString()
                        .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyAuthenticationHandler.SchemeName
            )
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName,
                null
            );
        if (jwt.Enabled)
        {
            // Problems() refuses the start (through AuthOptions' validation) before a key is decoded here.
            var usable = !jwt.Problems().Any();
            authentication.AddJwtBearer(o =>
            {
                o.Authority = jwt.Authority?.ToString();
                o.RequireHttpsMetadata = !jwt.AllowInsecureAuthority;
                o.AutomaticRefreshInterval = jwt.KeyRefreshInterval;
                o.RefreshInterval = jwt.KeyRefreshMinimum;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = jwt.ClockSkew,
                    IssuerSigningKeys = usable ? jwt.DecodedSigningKeys().Select(k => new SymmetricSecurityKey(k)) : [],
                    // With keys of its own the hub accepts exactly the HMAC algorithms they are long enough for.
                    ValidAlgorithms = usable && jwt.Authority is null ? jwt.SymmetricAlgorithms().ToList() : null,
                };
            });
        }

        services.AddAuthorization(o =>
        {
            foreach (var scope in Scopes.All)
            {
                o.AddPolicy(Scopes.Policy(scope), p =>
                    p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope))
                );
            }

            // Anything mapped without a scope still needs a caller; health and webhooks opt out explicitly.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>Each method of the service requires the scope <see cref="Scopes.For"/> names for it.</summary>
    public static GrpcServiceEndpointConventionBuilder RequireScopes(this GrpcServiceEndpointConventionBuilder service)
    {
        service.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault() is { } grpc)
            {
                endpoint.Metadata.Add(
                    new AuthorizeAttribute(Scopes.Policy(Scopes.For(grpc.Method.ServiceName, grpc.Method.Name)))
                );
            }
        });
        return service;
    }
}
