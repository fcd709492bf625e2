using System.Globalization;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Loads the seed's CRM part into the fake org, as records with Salesforce's field names and picklist labels, after
/// declaring the custom fields those records use (what an admin sets up in the org for the hub).
/// </summary>
public static class SalesforceSeeding
{
    /// <summary>The Lead External ID field upserts key on (the connector's default LeadExternalIdField).</summary>
    public const string LeadExternalIdField = "IntegrationHub_Key__c";

    public static void Seed(this SalesforceFake fake, SandboxSeed seed, DateTimeOffset now)
    {
        fake.DeclareCustomFields();
        fake.DeclareLeadStatuses(
            ("Open", false),
            ("MQL", false),
            ("Accepted", false),
            ("Qualifying", false),
            ("Unresponsive", false),
            ("Recycle", false),
            ("Converted", true),
            ("Spam", false)
        );
        foreach (var user in seed.Users)
        {
            fake.Insert(
                "User",
                new Dictionary<string, object?>
                {
                    ["Id"] = user.Id,
                    ["Name"] = user.Name,
                    ["Email"] = user.Email,
                    ["ManagerId"] = user.ManagerUserId,
                }
            );
        }

        foreach (var a in seed.Accounts)
        {
            fake.Insert(
                "Account",
                new Dictionary<string, object?>
                {
                    ["Id"] = a.Id,
                    ["Name"] = a.Name,
                    ["Primary_Domain__c"] = a.Domain,
                    ["BDR_Prospecting_Status__c"] = a.BdrProspectingStatus switch
                    {
                        BdrProspectingStatus.Queued => "Queued",
                        BdrProspectingStatus.ActivelyWorking => "Actively Working",
                        BdrProspectingStatus.WorkedInFy => "Worked in FY",
                        BdrProspectingStatus.Restricted => "Restricted",
                        _ => null,
                    },
                    ["BDR_Assigned__c"] = a.BdrAssignedUserId,
                    ["OwnerId"] = a.OwnerUserId,
                    ["Type"] = a.Type switch
                    {
                        AccountType.Customer => "Customer",
                        AccountType.Prospect => "Prospect",
                        _ => null,
                    },
                    ["Segment__c"] = a.Segment switch
                    {
                        AccountSegment.Smb => "SMB",
                        AccountSegment.MidMarket => "Mid-Market",
                        AccountSegment.Large => "Large",
                        AccountSegment.PubSec => "PubSec",
                        _ => null,
                    },
                    ["Public_Sector__c"] = a.PublicSector,
                    ["Partner_Prospecting_Status__c"] = a.PartnerProspectingStatus,
                    ["Total_CARR__c"] = a.TotalCarrCents / 100m,
                    ["ParentId"] = a.ParentAccountId,
                    ["Ultimate_Parent__c"] = a.UltimateParentId,
                    ["BillingCountryCode"] = a.CountryCode,
                    ["Description"] = a.Description,
                    ["Paid_Tier__c"] = a.PaidTier,
                    ["LastActivityDate"] = Time(seed.Shift(a.LastActivityAt, now)),
                }
            );
        }

        foreach (var p in seed.People)
        {
            fake.Insert(
                p.Kind == PersonKind.Contact ? "Contact" : "Lead",
                p.Kind == PersonKind.Contact
                    ? new Dictionary<string, object?>
                    {
                        ["Id"] = p.Id,
                        ["Email"] = p.Email,
                        ["FirstName"] = p.FirstName,
                        ["LastName"] = p.LastName,
                        ["Title"] = p.Title,
                        ["Phone"] = p.Phone,
                        ["MailingCountryCode"] = p.CountryCode,
                        ["OwnerId"] = p.OwnerUserId,
                        ["AccountId"] = p.AccountId,
                        ["LastActivityDate"] = Time(seed.Shift(p.LastActivityAt, now)),
                        ["Next_Task_Date__c"] = Time(seed.Shift(p.NextTaskAt, now)),
                    }
                    : new Dictionary<string, object?>
                    {
                        ["Id"] = p.Id,
                        ["Email"] = p.Email,
                        ["FirstName"] = p.FirstName,
                        ["LastName"] = p.LastName,
                        ["Company"] = p.Company,
                        ["Title"] = p.Title,
                        ["Phone"] = p.Phone,
                        ["CountryCode"] = p.CountryCode,
                        ["Status"] = StatusLabel(p.Status),
                        ["OwnerId"] = p.OwnerUserId,
                        ["Account__c"] = p.AccountId,
                        ["MQL_Date__c"] = Time(seed.Shift(p.MqlAt, now)),
                        ["LastActivityDate"] = Time(seed.Shift(p.LastActivityAt, now)),
                        ["Next_Task_Date__c"] = Time(seed.Shift(p.NextTaskAt, now)),
                        ["Lead_Score__c"] = (decimal)p.LeadScore,
                        ["IsConverted"] = p.Status == LeadStatus.Converted,
                        ["IntegrationHub_Key__c"] = p.ExternalId,
                    }
            );
        }

        foreach (var t in seed.Activities)
        {
            fake.Insert(
                "Task",
                new Dictionary<string, object?>
                {
                    ["Id"] = t.Id,
                    [t.SubjectId.StartsWith("001", StringComparison.Ordinal) ? "WhatId" : "WhoId"] = t.SubjectId,
                    ["OwnerId"] = t.UserId,
                    ["TaskSubtype"] = t.Kind.ToString(),
                    ["CompletedDateTime"] = Time(seed.Shift(t.OccurredAt, now)),
                    ["Subject"] = t.Subject,
                }
            );
        }
    }

    /// <summary>The custom fields the hub's field mapping needs (connectors/Salesforce/README.md).</summary>
    public static void DeclareCustomFields(this SalesforceFake fake)
    {
        var schema = fake.Schema;
        foreach (var name in new[] { "Primary_Domain__c", "BDR_Prospecting_Status__c", "Segment__c" })
        {
            schema.Declare("Account", new SalesforceField(name));
        }

        foreach (var name in new[] { "Public_Sector__c", "Partner_Prospecting_Status__c", "Total_CARR__c" })
        {
            schema.Declare("Account", new SalesforceField(name));
        }

        schema.Declare("Account", new SalesforceField("Paid_Tier__c"));
        schema.Declare(
            "Account",
            new SalesforceField("BDR_Assigned__c", ReferenceTo: "User", RelationshipName: "BDR_Assigned__r")
        );
        schema.Declare(
            "Account",
            new SalesforceField("Ultimate_Parent__c", ReferenceTo: "Account", RelationshipName: "Ultimate_Parent__r")
        );
        foreach (var name in new[] { "MQL_Date__c", "Next_Task_Date__c", "Lead_Score__c" })
        {
            schema.Declare("Lead", new SalesforceField(name));
        }

        schema.Declare(
            "Lead",
            new SalesforceField("Account__c", ReferenceTo: "Account", RelationshipName: "Account__r")
        );
        schema.Declare("Lead", new SalesforceField(LeadExternalIdField, ExternalId: true));
        schema.Declare("Contact", new SalesforceField("Next_Task_Date__c"));
    }

    private static string StatusLabel(LeadStatus status) =>
        status switch
        {
            LeadStatus.Mql => "MQL",
            LeadStatus.Unspecified => "Open",
            var other => other.ToString(),
        };

    private static string? Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
