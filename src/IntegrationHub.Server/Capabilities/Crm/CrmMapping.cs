using IntegrationHub.Sdk.Capabilities.Crm;
using C = IntegrationHub.Contracts.Crm.V1;

namespace IntegrationHub.Server.Capabilities.Crm;

/// <summary>CRM records ↔ the CRM contract, both ways.</summary>
public static class CrmMapping
{
    public static C.Account ToContract(this Account a) =>
        new()
        {
            Id = a.Id,
            Name = a.Name,
            Domain = a.Domain,
            BdrProspectingStatus = (C.BdrProspectingStatus)(int)a.BdrProspectingStatus,
            BdrAssignedUserId = a.BdrAssignedUserId.OrEmpty(),
            OwnerUserId = a.OwnerUserId.OrEmpty(),
            Type = (C.AccountType)(int)a.Type,
            Segment = (C.Segment)(int)a.Segment,
            PublicSector = a.PublicSector,
            PartnerProspectingStatus = a.PartnerProspectingStatus.OrEmpty(),
            TotalCarrCents = a.TotalCarrCents,
            ParentAccountId = a.ParentAccountId.OrEmpty(),
            UltimateParentId = a.UltimateParentId.OrEmpty(),
            CountryCode = a.CountryCode,
            Description = a.Description,
            PaidTier = a.PaidTier,
            LastActivityTime = a.LastActivityAt.ToTimestamp(),
        };

    public static Account ToDomain(this C.Account a) =>
        new()
        {
            Id = a.Id,
            Name = a.Name,
            Domain = a.Domain,
            BdrProspectingStatus = Defined((BdrProspectingStatus)(int)a.BdrProspectingStatus),
            BdrAssignedUserId = a.BdrAssignedUserId.OrNull(),
            OwnerUserId = a.OwnerUserId.OrNull(),
            Type = Defined((AccountType)(int)a.Type),
            Segment = Defined((AccountSegment)(int)a.Segment),
            PublicSector = a.PublicSector,
            PartnerProspectingStatus = a.PartnerProspectingStatus.OrNull(),
            TotalCarrCents = a.TotalCarrCents,
            ParentAccountId = a.ParentAccountId.OrNull(),
            UltimateParentId = a.UltimateParentId.OrNull(),
            CountryCode = a.CountryCode,
            Description = a.Description,
            PaidTier = a.PaidTier,
            LastActivityAt = a.LastActivityTime.OrNullTime(),
        };

    public static C.Person ToContract(this Person p) =>
        new()
        {
            Id = p.Id,
            Kind = (C.PersonKind)(int)p.Kind,
            Email = p.Email,
            FirstName = p.FirstName,
            LastName = p.LastName,
            Company = p.Company,
            Title = p.Title,
            Phone = p.Phone,
            CountryCode = p.CountryCode,
            Status = (C.LeadStatus)(int)p.Status,
            OwnerUserId = p.OwnerUserId.OrEmpty(),
            AccountId = p.AccountId.OrEmpty(),
            MqlTime = p.MqlAt.ToTimestamp(),
            LastActivityTime = p.LastActivityAt.ToTimestamp(),
            NextTaskTime = p.NextTaskAt.ToTimestamp(),
            ExternalId = p.ExternalId.OrEmpty(),
            LeadScore = p.LeadScore,
        };

    public static Person ToDomain(this C.Person p) =>
        new()
        {
            Id = p.Id,
            Kind = Defined((PersonKind)(int)p.Kind),
            Email = p.Email,
            FirstName = p.FirstName,
            LastName = p.LastName,
            Company = p.Company,
            Title = p.Title,
            Phone = p.Phone,
            CountryCode = p.CountryCode,
            Status = Defined((LeadStatus)(int)p.Status),
            OwnerUserId = p.OwnerUserId.OrNull(),
            AccountId = p.AccountId.OrNull(),
            MqlAt = p.MqlTime.OrNullTime(),
            LastActivityAt = p.LastActivityTime.OrNullTime(),
            NextTaskAt = p.NextTaskTime.OrNullTime(),
            ExternalId = p.ExternalId.OrNull(),
            LeadScore = p.LeadScore,
        };

    public static LeadFields ToLeadFields(this C.Person p) =>
        new()
        {
            Email = p.Email.Trim(),
            FirstName = p.FirstName.Trim(),
            LastName = p.LastName.Trim(),
            Company = p.Company.Trim(),
            Title = p.Title.Trim(),
            Phone = p.Phone.Trim(),
            CountryCode = p.CountryCode.Trim().ToUpperInvariant(),
            Status = Defined((LeadStatus)(int)p.Status),
            OwnerUserId = p.OwnerUserId.OrNull(),
            LeadScore = p.LeadScore,
            MqlAt = p.MqlTime.OrNullTime(),
        };

    public static C.Person ToContract(this LeadFields l) =>
        new()
        {
            Kind = C.PersonKind.Lead,
            Email = l.Email,
            FirstName = l.FirstName,
            LastName = l.LastName,
            Company = l.Company,
            Title = l.Title,
            Phone = l.Phone,
            CountryCode = l.CountryCode,
            Status = (C.LeadStatus)(int)l.Status,
            OwnerUserId = l.OwnerUserId.OrEmpty(),
            LeadScore = l.LeadScore,
            MqlTime = l.MqlAt.ToTimestamp(),
        };

    public static C.Activity ToContract(this Activity a) =>
        new()
        {
            Id = a.Id.OrEmpty(),
            SubjectId = a.SubjectId,
            UserId = a.UserId,
            Kind = (C.ActivityKind)(int)a.Kind,
            OccurTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(a.OccurredAt),
            Subject = a.Subject,
        };

    public static Activity ToDomain(this C.Activity a) =>
        new(
            a.Id.OrNull(),
            a.SubjectId,
            a.UserId,
            Defined((ActivityKind)(int)a.Kind),
            a.OccurTime.RequiredTime("occur_time"),
            a.Subject
        );

    public static C.User ToContract(this CrmUser u) =>
        new()
        {
            Id = u.Id,
            Name = u.Name,
            Email = u.Email,
            ManagerUserId = u.ManagerUserId.OrEmpty(),
        };

    public static CrmUser ToDomain(this C.User u) => new(u.Id, u.Name, u.Email, u.ManagerUserId.OrNull());

    private static T Defined<T>(T value)
        where T : struct, Enum => Enum.IsDefined(value) ? value : default;
}
