using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>A private message as the routes see it: who wrote, through which bot, and their bot user.</summary>
public sealed record BotMessageContext(long BotTelegramId, BotRole Bot, long UpdateId, long ChatId, TelegramUser From, string Text, BotUser User);
