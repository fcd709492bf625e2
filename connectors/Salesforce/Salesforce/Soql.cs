using System.Globalization;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>Builds SOQL safely: every value is a quoted, escaped literal, so no input can change a query.</summary>
internal static class Soql
{
    public static string Quote(string value) =>
        "'"
        + value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal)
        + "'";

    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public const string AccountColumns =
        "Id, Name, Primary_Domain__c, BDR_Prospecting_Status__c, BDR_Assigned__c, OwnerId, Type, Segment__c, "
        + "Public_Sector__c, "
        + "Partner_Prospecting_Status__c, Total_CARR__c, ParentId, Ultimate_Parent__c, BillingCountryCode, "
        + "Description, Paid_Tier__c, LastActivityDate";

    public const string LeadColumns =
        "Id, Email, FirstName, LastName, Company, Title, Phone, CountryCode, Status, OwnerId, Account__c, "
        + "MQL_Date__c, LastActivityDate, "
        + "Next_Task_Date__c, Lead_Score__c, IsConverted";

    public const string ContactColumns =
        "Id, Email, FirstName, LastName, Title, Phone, MailingCountryCode, OwnerId, AccountId, LastActivityDate, "
        + "Next_Task_Date__c";

    public const string TaskColumns = "Id, WhatId, WhoId, OwnerId, TaskSubtype, CompletedDateTime, Subject";
}
