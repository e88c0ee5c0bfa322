using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Application.Connections;
using PromoStack.Application.Signals;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.CrossPromo;

/// <summary>What a post carries in <c>crosspromo_jobs.payload</c>: the local date it is for, or the signal.</summary>
internal sealed record CrossPromoPayload(string? LocalDate, int? SignalId);
