using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

/// <param name="IsDemo">Seeded as demo data.</param>
public sealed record CampaignDto(
    int Id, string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize, CampaignStatus Status, bool Published,
    int Entries, CampaignEntryDto? Winner, DateTimeOffset? DrawnAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsDemo);
