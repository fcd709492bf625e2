namespace IntegrationHub.Server.Tests.Routing;

/// <summary>The demo policy's SDR pools, as the routing tests make them available.</summary>
internal static class DemoSdrs
{
    /// <summary>The AMER geo pool: 005SDR03 is Onboarding and 005SDR04 Ramping, so neither takes chats.</summary>
    public static readonly string[] Amer =
    [
        "005SDR010000000YBA",
        "005SDR020000000YBA",
        "005SDR030000000YBA",
        "005SDR040000000YBA",
    ];

    /// <summary>The EMEA geo pool.</summary>
    public static readonly string[] Emea =
    [
        "005SDR050000000YBA",
        "005SDR060000000YBA",
        "005SDR070000000YBA",
        "005SDR120000000YBA",
        "005SDR130000000YBA",
    ];
}
