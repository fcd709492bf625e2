namespace IntegrationHub.Server.Leads;

/// <summary>Inbound vendor webhooks, bound from <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The secret Outreach signs its webhook bodies with (HMAC-SHA256); webhooks are refused while it is empty.</summary>
    public string OutreachSecret { get; set; } = "";

    /// <summary>Bodies larger than this are refused unread.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
