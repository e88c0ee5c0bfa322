using PromoStack.Domain.Common;

namespace PromoStack.Domain.Campaigns;

/// <summary>Stored as <c>draft</c>, <c>active</c>, <c>ended</c>.</summary>
public enum CampaignStatus
{
    Draft,
    Active,
    Ended,
}

/// <summary>A marketing contest: draft → active → ended.</summary>
public sealed class Campaign : ITenantOwned
{
    public static readonly StateMachine<CampaignStatus> Transitions = new("Campaign",
    [
        (CampaignStatus.Draft, [CampaignStatus.Active]),
        (CampaignStatus.Active, [CampaignStatus.Ended]),
    ]);

    private Campaign(string tenantId, string title, DateOnly startDate, DateOnly endDate, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Title = title;
        StartDate = startDate;
        EndDate = endDate;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string? Prize { get; private set; }
    public CampaignStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Campaign Draft(string tenantId, string title, string? description, DateOnly start, DateOnly end, string? prize, DateTimeOffset now)
    {
        if (end < start)
        {
            throw new DomainException("A campaign cannot end before it starts.");
        }

        return new Campaign(tenantId, Guard.NotBlank(title, "Title", 200), start, end, now) { Description = description, Prize = prize };
    }

    public void Activate() => Move(CampaignStatus.Active);

    public void End() => Move(CampaignStatus.Ended);

    private void Move(CampaignStatus to)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
    }
}
