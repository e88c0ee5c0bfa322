namespace PromoStack.Application.Campaigns;

public sealed record CampaignEntryDto(int Id, string Email, string? TelegramUsername, IReadOnlyList<string> SocialLinks, bool Disqualified, DateTimeOffset CreatedAt);
