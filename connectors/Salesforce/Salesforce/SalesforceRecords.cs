using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>Salesforce records (JSON with picklist labels and custom fields) ↔ the SDK's CRM records.</summary>
internal static class SalesforceRecords
{
    public static Account Account(JsonNode r) =>
        new()
        {
            Id = Text(r, "Id")!,
            Name = Text(r, "Name") ?? "",
            Domain = (Text(r, "Primary_Domain__c") ?? "").ToLowerInvariant(),
            BdrProspectingStatus = Text(r, "BDR_Prospecting_Status__c") switch
            {
                "Queued" => BdrProspectingStatus.Queued,
                "Actively Working" => BdrProspectingStatus.ActivelyWorking,
                "Worked in FY" => BdrProspectingStatus.WorkedInFy,
                "Restricted" => BdrProspectingStatus.Restricted,
                _ => BdrProspectingStatus.Unspecified,
            },
            BdrAssignedUserId = Text(r, "BDR_Assigned__c"),
            OwnerUserId = Text(r, "OwnerId"),
            Type = Text(r, "Type") switch
            {
                "Customer" => AccountType.Customer,
                "Prospect" => AccountType.Prospect,
                _ => AccountType.Unspecified,
            },
            Segment = Text(r, "Segment__c") switch
            {
                "SMB" => AccountSegment.Smb,
                "Mid-Market" => AccountSegment.MidMarket,
                "Large" => AccountSegment.Large,
                "PubSec" => AccountSegment.PubSec,
                _ => AccountSegment.Unspecified,
            },
            PublicSector = Bool(r, "Public_Sector__c"),
            PartnerProspectingStatus = Text(r, "Partner_Prospecting_Status__c"),
            TotalCarrCents = (long)Math.Round(Number(r, "Total_CARR__c") * 100m),
            ParentAccountId = Text(r, "ParentId"),
            UltimateParentId = Text(r, "Ultimate_Parent__c") ?? Text(r, "Id"),
            CountryCode = Text(r, "BillingCountryCode") ?? "",
            Description = Text(r, "Description") ?? "",
            PaidTier = Bool(r, "Paid_Tier__c"),
            LastActivityAt = Time(r, "LastActivityDate"),
        };

    public static Person Lead(JsonNode r) =>
        new()
        {
            Id = Text(r, "Id")!,
            Kind = PersonKind.Lead,
            Email = Text(r, "Email") ?? "",
            FirstName = Text(r, "FirstName") ?? "",
            LastName = Text(r, "LastName") ?? "",
            Company = Text(r, "Company") ?? "",
            Title = Text(r, "Title") ?? "",
            Phone = Text(r, "Phone") ?? "",
            CountryCode = Text(r, "CountryCode") ?? "",
            Status = Bool(r, "IsConverted") ? LeadStatus.Converted : Status(Text(r, "Status")),
            OwnerUserId = Text(r, "OwnerId"),
            AccountId = Text(r, "Account__c"),
            MqlAt = Time(r, "MQL_Date__c"),
            LastActivityAt = Time(r, "LastActivityDate"),
            NextTaskAt = Time(r, "Next_Task_Date__c"),
            ExternalId = Text(r, "IntegrationHub_Key__c"),
            LeadScore = (int)Number(r, "Lead_Score__c"),
        };

    public static Person Contact(JsonNode r) =>
        new()
        {
            Id = Text(r, "Id")!,
            Kind = PersonKind.Contact,
            Email = Text(r, "Email") ?? "",
            FirstName = Text(r, "FirstName") ?? "",
            LastName = Text(r, "LastName") ?? "",
            Title = Text(r, "Title") ?? "",
            Phone = Text(r, "Phone") ?? "",
            CountryCode = Text(r, "MailingCountryCode") ?? "",
            OwnerUserId = Text(r, "OwnerId"),
            AccountId = Text(r, "AccountId"),
            LastActivityAt = Time(r, "LastActivityDate"),
            NextTaskAt = Time(r, "Next_Task_Date__c"),
        };

    public static Activity Task(JsonNode r) =>
        new(
            Text(r, "Id"),
            Text(r, "WhatId") ?? Text(r, "WhoId") ?? "",
            Text(r, "OwnerId") ?? "",
            Text(r, "TaskSubtype") switch
            {
                "Call" => ActivityKind.Call,
                "Email" => ActivityKind.Email,
                "Meeting" => ActivityKind.Meeting,
                _ => ActivityKind.Task,
            },
            Time(r, "CompletedDateTime") ?? DateTimeOffset.MinValue,
            Text(r, "Subject") ?? ""
        );

    public static CrmUser User(JsonNode r) =>
        new(Text(r, "Id")!, Text(r, "Name") ?? "", Text(r, "Email") ?? "", Text(r, "ManagerId"));

    public static JsonObject LeadBody(LeadFields lead, string? externalIdField, string? externalId)
    {
        var body = new JsonObject
        {
            ["Email"] = lead.Email,
            ["FirstName"] = lead.FirstName,
            ["LastName"] = lead.LastName,
            ["Company"] = lead.Company,
            ["Title"] = lead.Title,
            ["Phone"] = lead.Phone,
            ["CountryCode"] = lead.CountryCode.Length == 0 ? null : lead.CountryCode,
            ["Status"] = StatusLabel(lead.Status),
            ["Lead_Score__c"] = lead.LeadScore,
            ["MQL_Date__c"] = lead.MqlAt?.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture
            ),
        };
        if (lead.OwnerUserId is { Length: > 0 } owner)
        {
            body["OwnerId"] = owner;
        }

        if (externalIdField is not null)
        {
            body[externalIdField] = externalId;
        }

        return body;
    }

    public static string StatusLabel(LeadStatus status) =>
        status switch
        {
            LeadStatus.Mql => "MQL",
            LeadStatus.Accepted => "Accepted",
            LeadStatus.Qualifying => "Qualifying",
            LeadStatus.Unresponsive => "Unresponsive",
            LeadStatus.Recycle => "Recycle",
            LeadStatus.Converted => "Converted",
            LeadStatus.Spam => "Spam",
            _ => "Open",
        };

    private static LeadStatus Status(string? label) =>
        label switch
        {
            "Open" => LeadStatus.Open,
            "MQL" => LeadStatus.Mql,
            "Accepted" => LeadStatus.Accepted,
            "Qualifying" => LeadStatus.Qualifying,
            "Unresponsive" => LeadStatus.Unresponsive,
            "Recycle" => LeadStatus.Recycle,
            "Converted" => LeadStatus.Converted,
            "Spam" => LeadStatus.Spam,
            _ => LeadStatus.Unspecified,
        };

    private static string? Text(JsonNode r, string field) =>
        r[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s
            ? s
            : null;

    private static bool Bool(JsonNode r, string field) => r[field]?.GetValueKind() == JsonValueKind.True;

    private static decimal Number(JsonNode r, string field) =>
        r[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<decimal>() : 0m;

    private static DateTimeOffset? Time(JsonNode r, string field) =>
        Text(r, field) is { } s
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;
}
