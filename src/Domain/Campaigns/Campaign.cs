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

    /// <summary>
    /// Sample data the demo seeds (<c>is_demo</c>): listed like the rest so every screen has something to show, but never
    /// counted in the tenant's real figures, nor in the audience of a broadcast or campaign.
    /// </summary>
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    /// <summary>When an admin published it; a published draft becomes active on its start date.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public int? WinnerEntryId { get; private set; }
    public DateTimeOffset? DrawnAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool AcceptsEntries => Status == CampaignStatus.Active;

    public static Campaign Draft(string tenantId, string title, string? description, DateOnly start, DateOnly end, string? prize, DateTimeOffset now)
    {
        var campaign = new Campaign(tenantId, Guard.NotBlank(title, "Title", 200), start, end, now) { UpdatedAt = now };
        campaign.Edit(title, description, start, end, prize, now);
        return campaign;
    }

    /// <summary>An ended campaign is history: it cannot be edited. An active one cannot move its start.</summary>
    public void Edit(string title, string? description, DateOnly start, DateOnly end, string? prize, DateTimeOffset now)
    {
        if (end < start)
        {
            throw new DomainException("A campaign cannot end before it starts.");
        }

        if (Status == CampaignStatus.Ended)
        {
            throw new InvalidTransitionException("Campaign", "ended", "edited");
        }

        if (Status == CampaignStatus.Active && start != StartDate)
        {
            throw new DomainException("An active campaign has started: its start date cannot change.");
        }

        Title = Guard.NotBlank(title, "Title", 200);
        Description = description;
        StartDate = start;
        EndDate = end;
        Prize = prize;
        UpdatedAt = now;
    }

    /// <summary>Published: active now if its dates have come (<paramref name="today"/> in the tenant's zone), else on its start date.</summary>
    public void Publish(DateOnly today, DateTimeOffset now)
    {
        if (Status != CampaignStatus.Draft || PublishedAt is not null)
        {
            throw new InvalidTransitionException("Campaign", Status == CampaignStatus.Draft ? "published" : Status.ToString().ToLowerInvariant(), "published");
        }

        if (EndDate < today)
        {
            throw new DomainException("The campaign's end date has passed: move it first.");
        }

        PublishedAt = now;
        UpdatedAt = now;
        FollowDates(today, now);
    }

    /// <summary>The daily move: a published draft starts on its start date, an active campaign ends after its end date.</summary>
    public void FollowDates(DateOnly today, DateTimeOffset now)
    {
        if (Status == CampaignStatus.Draft && PublishedAt is not null && StartDate <= today)
        {
            Move(CampaignStatus.Active, now);
        }

        if (Status == CampaignStatus.Active && EndDate < today)
        {
            Move(CampaignStatus.Ended, now);
        }
    }

    public void Activate(DateTimeOffset now) => Move(CampaignStatus.Active, now);

    public void End(DateTimeOffset now) => Move(CampaignStatus.Ended, now);

    /// <summary>Records the winner, once, after the campaign has ended.</summary>
    public void RecordWinner(int entryId, DateTimeOffset now)
    {
        if (Status != CampaignStatus.Ended)
        {
            throw new DomainException("A winner is drawn once the campaign has ended.");
        }

        if (WinnerEntryId is not null)
        {
            throw new DomainException("The winner has already been drawn.");
        }

        WinnerEntryId = entryId;
        DrawnAt = now;
        UpdatedAt = now;
    }

    private void Move(CampaignStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
        UpdatedAt = now;
    }
}

/// <summary>Someone's entry in a campaign: one per email; an admin may disqualify it (it then cannot win).</summary>
public sealed class CampaignEntry : ITenantOwned
{
    private CampaignEntry(string tenantId, int campaignId, string email, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        CampaignId = campaignId;
        Email = email;
        CreatedAt = createdAt;
        SocialLinks = "[]";
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public int CampaignId { get; private set; }
    public string Email { get; private set; }
    public string? TelegramUsername { get; private set; }

    /// <summary>A JSON array of the links the entrant gave (e.g. the post they shared).</summary>
    public string SocialLinks { get; private set; }

    public bool Disqualified { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CampaignEntry Enter(Campaign campaign, string email, string? telegramUsername, string socialLinksJson, DateTimeOffset now)
    {
        if (!campaign.AcceptsEntries)
        {
            throw new DomainException("This campaign is not open for entries.");
        }

        return new CampaignEntry(campaign.TenantId, campaign.Id, Guard.NotBlank(email, "Email", 320).ToLowerInvariant(), now)
        {
            TelegramUsername = telegramUsername?.Trim().TrimStart('@'),
            SocialLinks = socialLinksJson,
        };
    }

    public void Disqualify() => Disqualified = true;
}
