using System.Globalization;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 6: an SMB or Mid-Market lead at a paid customer (hierarchy CARR at the threshold)
/// is converted to a contact and the account owner notified instead of being sequenced.
/// </summary>
internal sealed class CustomerConversionRule : AccountRule
{
    public override string Name => LeadRuleNames.CustomerConversion;

    protected override LeadTarget? Decide(LeadDraft draft, LeadFacts facts, Account account, IReadOnlyList<Fact> read)
    {
        var threshold = draft.Policy.Leads.CustomerCarrThresholdCents;
        var carr = facts.HierarchyCarrCents;
        var segment = facts.HierarchySegment;
        read =
        [
            .. read,
            new("hierarchy.total_carr_cents", carr.ToString(CultureInfo.InvariantCulture), "crm"),
            new("hierarchy.segment", segment.ToString(), "crm"),
        ];
        if (carr < threshold)
        {
            var below = $"hierarchy CARR {carr / 100m:0.##} is below {threshold / 100m:0.##}";
            draft.NotMatched(Name, $"Land account: {below} (first order available)", read);
            return null;
        }

        if (!facts.HierarchyPaid || segment is not (AccountSegment.Smb or AccountSegment.MidMarket))
        {
            var but = facts.HierarchyPaid ? $"segment {segment}" : "no paid tier";
            draft.NotMatched(Name, $"customer (Expand), but {but}: worked as usual", read);
            return null;
        }

        draft.Matched(
            Name,
            $"{segment} lead at a paid customer: converted to a contact, account owner notified instead of sequencing",
            read
        );
        return new LeadTarget.Convert(account.OwnerUserId ?? draft.Policy.Leads.MarketingQueueUserId, account.Id);
    }
}
