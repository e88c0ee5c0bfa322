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

namespace PromoStack.Application.Campaigns;

public sealed record CampaignDto(
    int Id, string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize, CampaignStatus Status, bool Published,
    int Entries, CampaignEntryDto? Winner, DateTimeOffset? DrawnAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
