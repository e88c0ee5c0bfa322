using System.Text.Json;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A fake Bot API on 127.0.0.1, shaped like the real one: <c>POST /bot&lt;token&gt;/&lt;method&gt;</c> with a JSON body,
/// answering <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":…,"description":…}</c>. It records calls.
/// Unknown tokens are refused as Telegram refuses them.
/// </summary>
public sealed class FakeTelegram : IDisposable
{
    public FakeTelegram()
    {
        Server = WireMockServer.Start();
        Reset();
    }

    public WireMockServer Server { get; }

    public string Url => Server.Url!;

    /// <summary>Forgets every bot and call; unknown tokens get 401 Unauthorized, as from Telegram.</summary>
    public void Reset()
    {
        Server.Reset();
        Server.Given(Request.Create().WithPath(new WildcardMatcher("/bot*")).UsingPost()).AtPriority(100)
            .RespondWith(Error(401, "Unauthorized"));
    }

    /// <summary>A bot whose token works: getMe, setWebhook, deleteWebhook and getWebhookInfo answer.</summary>
    public void KnowsBot(string token, long id, string username, string? webhookUrl = null)
    {
        Answer(token, "getMe", new { id, is_bot = true, first_name = username, username });
        Answer(token, "setWebhook", true);
        Answer(token, "deleteWebhook", true);
        Answer(token, "getWebhookInfo", new { url = webhookUrl ?? string.Empty, has_custom_certificate = false, pending_update_count = 3 });
    }

    public void Answer(string token, string method, object result, int priority = 10) =>
        Server.Given(Request.Create().WithPath($"/bot{token}/{method}").UsingPost()).AtPriority(priority)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new { ok = true, result }));

    /// <summary><c>getChatMember</c> says the bot is an administrator with every right the features need.</summary>
    public void AdministersChannels(string token, long botId, int priority = 10) => Answer(token, "getChatMember", new
    {
        status = "administrator", user = new { id = botId, is_bot = true, first_name = "bot" }, can_be_edited = false, is_anonymous = false,
        can_manage_chat = true, can_delete_messages = true, can_manage_video_chats = true, can_restrict_members = true, can_promote_members = false,
        can_change_info = true, can_invite_users = true, can_post_messages = true, can_edit_messages = true, can_post_stories = false,
        can_edit_stories = false, can_delete_stories = false,
    }, priority);

    /// <summary>The bot sees a channel (asked for by its @username) with the numeric id <paramref name="chatId"/>.</summary>
    public void KnowsChannel(string token, long chatId, string username) =>
        Answer(token, "getChat", new { id = chatId, type = "channel", title = username, username, accent_color_id = 0, max_reaction_count = 11, accepted_gift_types = new { unlimited_gifts = false, limited_gifts = false, unique_gifts = false, premium_subscription = false } });

    /// <summary>A sent message as Telegram answers it.</summary>
    public static object Message(int messageId = 500) => new { message_id = messageId, date = 1_700_000_000, chat = new { id = 1, type = "private" }, text = "ok" };

    /// <summary>Every message the bot sends gets <paramref name="messageId"/> back.</summary>
    public void AcceptsMessages(string token, int messageId = 500)
    {
        var message = Message(messageId);
        Answer(token, "sendMessage", message);
        Answer(token, "editMessageText", message);
        Answer(token, "copyMessage", new { message_id = messageId });
        Answer(token, "answerCallbackQuery", true);
        Answer(token, "sendPhoto", message);
        Answer(token, "sendDocument", message);
        Answer(token, "sendMediaGroup", new[] { message, message });
        Answer(token, "forwardMessage", message);
        var link = new
        {
            invite_link = "https://t.me/+single-use-link", creator = new { id = 1, is_bot = true, first_name = "bot" },
            creates_join_request = false, is_primary = false, is_revoked = false, member_limit = 1,
        };
        Answer(token, "createChatInviteLink", link);
        Answer(token, "revokeChatInviteLink", link);
        foreach (var method in new[] { "banChatMember", "unbanChatMember", "approveChatJoinRequest", "declineChatJoinRequest" })
        {
            Answer(token, method, true);
        }
    }

    /// <summary>The first call to <paramref name="method"/> fails as given; later ones succeed as configured elsewhere.</summary>
    public void FailsOnce(string token, string method, int errorCode, string description, int? retryAfter = null)
    {
        var scenario = $"{token}-{method}-once";
        Server.Given(Request.Create().WithPath($"/bot{token}/{method}").UsingPost()).InScenario(scenario).WillSetStateTo("failed").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(errorCode).WithHeader("Content-Type", "application/json").WithBodyAsJson(retryAfter is null
                ? new { ok = false, error_code = errorCode, description }
                : (object)new { ok = false, error_code = errorCode, description, parameters = new { retry_after = retryAfter } }));
    }

    /// <summary>Answers <paramref name="method"/> only after <paramref name="delay"/>, as a Telegram that hangs.</summary>
    public void Hangs(string token, string method, TimeSpan delay, object? result = null) =>
        Server.Given(Request.Create().WithPath($"/bot{token}/{method}").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithDelay(delay).WithHeader("Content-Type", "application/json").WithBodyAsJson(new { ok = true, result = result ?? true }));

    public void Fail(string token, string method, int errorCode, string description) =>
        Server.Given(Request.Create().WithPath($"/bot{token}/{method}").UsingPost()).AtPriority(1).RespondWith(Error(errorCode, description));

    /// <summary>The bodies of the calls made to <paramref name="method"/>, oldest first.</summary>
    public IReadOnlyList<(string Token, JsonElement Body)> Calls(string method) => Calls([method]);

    /// <summary>The bodies of the calls made to any of <paramref name="methods"/>, oldest first.</summary>
    public IReadOnlyList<(string Token, JsonElement Body)> Calls(IReadOnlyCollection<string> methods) =>
        Server.LogEntries
            .Select(e => e.RequestMessage!)
            .Where(r => methods.Any(method => r.Path.EndsWith($"/{method}", StringComparison.Ordinal)))
            .OrderBy(r => r.DateTime)
            .Select(r => (r.Path.Split('/')[1]["bot".Length..], Body(r)))
            .ToList();

    /// <summary>
    /// The multipart uploads made to <paramref name="method"/> (a photo, document or album with files), oldest first:
    /// the form's fields and its files.
    /// </summary>
    public IReadOnlyList<TelegramUpload> Uploads(string method) =>
        Server.LogEntries
            .Select(e => e.RequestMessage!)
            .Where(r => r.Path.EndsWith($"/{method}", StringComparison.Ordinal) && IsMultipart(r))
            .OrderBy(r => r.DateTime)
            .Select(r => TelegramUpload.Parse(r.Headers!["Content-Type"].First(), r.BodyAsBytes ?? System.Text.Encoding.UTF8.GetBytes(r.Body ?? string.Empty)))
            .ToList();

    private static bool IsMultipart(WireMock.IRequestMessage request) =>
        request.Headers?.TryGetValue("Content-Type", out var type) == true && type.Any(t => t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    /// <summary>A JSON body as is; a multipart body as a JSON object of its text fields (files are in <see cref="Uploads"/>).</summary>
    private static JsonElement Body(WireMock.IRequestMessage request)
    {
        if (IsMultipart(request))
        {
            var upload = TelegramUpload.Parse(request.Headers!["Content-Type"].First(), request.BodyAsBytes ?? System.Text.Encoding.UTF8.GetBytes(request.Body ?? string.Empty));
            var fields = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in upload.Fields)
            {
                fields[name] = value.TrimStart().StartsWith('[') || value.TrimStart().StartsWith('{')
                    ? System.Text.Json.Nodes.JsonNode.Parse(value)
                    : long.TryParse(value, out var number) ? number : value;
            }

            return JsonDocument.Parse(fields.ToJsonString()).RootElement;
        }

        return JsonDocument.Parse(string.IsNullOrEmpty(request.Body) ? "{}" : request.Body).RootElement;
    }

    public void Dispose() => Server.Stop();

    private static IResponseBuilder Error(int code, string description) =>
        Response.Create().WithStatusCode(code).WithHeader("Content-Type", "application/json")
            .WithBodyAsJson(new { ok = false, error_code = code, description });
}
