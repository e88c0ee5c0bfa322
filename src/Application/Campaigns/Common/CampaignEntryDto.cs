using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Application.Signals;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Campaigns;

public sealed record CampaignEntryDto(int Id, string Email, string? TelegramUsername, IReadOnlyList<string> SocialLinks, bool Disqualified, DateTimeOffset CreatedAt);
