using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Journeys;
using PromoStack.Domain.Common;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Import;

/// <summary>
/// Journeys with their steps, triggers and sessions, checked by the product's own rules (step configs, the flow's
/// graph, triggers and their collisions) and published only when they pass. Journeys and steps keep their original
/// ids, so the running sessions that come over stay where they were. The original's shapes become this product's:
/// a message's <c>delay_seconds</c> becomes a delay step before it, a wait's prompt (<c>content</c>) a message step
/// before it, and a <c>conditional</c> step after a wait becomes that wait's keyword branch (its true step) and its
/// next step (its false one); texts are escaped for Telegram HTML. Running sessions get their timers here: a delay
/// ends when the original scheduled it, a wait times out when the original said; an <c>active</c> session at a
/// question awaits its answer.
/// </summary>
internal static class JourneysImport
{
    public static async Task RunAsync(TenantImportSession session, IReadOnlyCollection<string> reservedPrefixes, CancellationToken cancellationToken)
    {
        var steps = new List<SourceRow>();
        await foreach (var row in session.RowsAsync("journey_steps", "journey_steps", SourceFilter.Parent("journey_id", "journeys", session.SourceTenantId), cancellationToken))
        {
            steps.Add(row);
        }

        var triggers = new List<SourceRow>();
        await foreach (var row in session.RowsAsync("journey_triggers", "journey_triggers", SourceFilter.Parent("journey_id", "journeys", session.SourceTenantId), cancellationToken))
        {
            triggers.Add(row);
        }

        var imported = new Dictionary<Guid, (Journey Journey, JourneyFlow Flow)>();
        var published = new HashSet<string>(StringComparer.Ordinal);
        var here = new HashSet<Guid>();
        if (session.Merge)
        {
            here = (await session.Db.Journeys.AsNoTracking().Select(j => j.Id).ToListAsync(cancellationToken)).ToHashSet();
            var live = await session.Db.JourneyTriggers.AsNoTracking().Where(t => t.IsActive)
                .Join(session.Db.Journeys.AsNoTracking().Where(j => j.IsActive), t => t.JourneyId, j => j.Id, (t, _) => t).ToListAsync(cancellationToken);
            published.UnionWith(live.Select(t => TriggerConfigs.FromStored(t).Identity));
        }
        await foreach (var row in session.RowsAsync("journeys", "journeys", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var id = row.Guid("id") ?? throw new SourceFormatException("A journey has no id.");
            if (here.Contains(id))
            {
                session.AlreadyHere(row, "journeys", "this journey");
                continue;
            }

            try
            {
                var (journey, flow) = await JourneyAsync(session, row, id, steps.Where(s => s.Guid("journey_id") == id).OrderBy(s => s.Int("step_order")).ToList(),
                    triggers.Where(t => t.Guid("journey_id") == id).ToList(), reservedPrefixes, published, cancellationToken);
                imported[id] = (journey, flow);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, id.ToString(), "journeys", exception.Message);
            }
        }

        await SessionsAsync(session, imported, cancellationToken);
        foreach (var table in new[] { "journey_step_analytics", "journey_link_clicks", "journey_inbound_dedupe", "journey_api_event_fired" })
        {
            await foreach (var row in session.RowsAsync(table, "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
            {
                session.Skip(row, "-", "the original journey engine's own counters and de-duplication records; PromoStack keeps its own from the switch on");
            }
        }
    }

    private static async Task<(Journey, JourneyFlow)> JourneyAsync(
        TenantImportSession session, SourceRow row, Guid id, IReadOnlyList<SourceRow> stepRows, IReadOnlyList<SourceRow> triggerRows,
        IReadOnlyCollection<string> reservedPrefixes, HashSet<string> published, CancellationToken cancellationToken)
    {
        var created = row.Time("created_at") ?? session.Now;
        var journey = Journey.Imported(id, session.TenantId, row.RequiredText("name"), row.Text("description"), created);
        var reentry = row.Text("re_entry_policy") is "restart" or "allow" ? ReentryPolicy.Restart : ReentryPolicy.Block;
        var timeout = row.Int("inactivity_timeout_days") is > 0 and var days ? Math.Min(days * 1440, Journey.MaxInactivityTimeoutMinutes) : (int?)null;
        journey.Edit(journey.Name, journey.Description, reentry, timeout, row.Time("updated_at") ?? created);
        var problems = new List<string>();
        if (row.Text("re_entry_policy") == "allow")
        {
            session.Notes.Add($"Journey '{journey.Name}': re-entry 'allow' is 'restart' here (the original treated it so).");
        }

        var definitions = Definitions(session, stepRows, problems);
        var errors = new List<FlowError>();
        var typed = new List<StepDefinition>();
        for (var i = 0; i < definitions.Count; i++)
        {
            using var config = JsonDocument.Parse(definitions[i].Config.ToJsonString());
            if (StepConfigs.Parse(definitions[i].Id, definitions[i].Type, config.RootElement, $"steps[{i}]", errors) is { } step)
            {
                typed.Add(step);
            }
        }

        var flow = new JourneyFlow(typed);
        problems.AddRange(errors.Concat(flow.Validate()).Select(e => $"{e.Field}: {e.Message}"));

        // Everything is decided before anything is added: a flush between adds lets go of the journey.
        var active = new List<(SourceRow Row, TriggerDefinition Definition)>();
        foreach (var trigger in triggerRows)
        {
            var key = trigger.Text("id") ?? "?";
            try
            {
                if (trigger.Bool("is_active") == false)
                {
                    session.Skip(trigger, "journey_triggers", "inactive triggers (they started nothing in the original)");
                    continue;
                }

                var triggerErrors = new List<FlowError>();
                var (type, config) = Trigger(trigger);
                using var document = JsonDocument.Parse(config.ToJsonString());
                if (TriggerConfigs.Parse(type, document.RootElement, reservedPrefixes, triggerErrors) is { } definition)
                {
                    active.Add((trigger, definition));
                    continue;
                }

                session.Quarantined(trigger, key, "journey_triggers", string.Join(" ", triggerErrors.Select(e => e.Message)));
            }
            catch (SourceFormatException exception)
            {
                session.Quarantined(trigger, key, "journey_triggers", exception.Message);
            }

            problems.Add("its trigger did not come over");
        }

        if (row.Text("status") == "active")
        {
            if (active.Count == 0)
            {
                problems.Add("it has no active trigger");
            }

            if (active.FirstOrDefault(t => published.Contains(t.Definition.Identity)) is { Definition: { } taken })
            {
                problems.Add($"the trigger {taken.Identity} already starts another published journey");
            }

            if (problems.Count == 0)
            {
                journey.Publish(row.Time("updated_at") ?? created);
                published.UnionWith(active.Select(t => t.Definition.Identity));
            }
            else
            {
                session.Notes.Add($"Journey '{journey.Name}' was active in the original but is imported unpublished: {string.Join("; ", problems)}. Fix it and publish it.");
            }
        }

        await session.AddAsync(row, id.ToString(), journey, "journeys", j => j.Id.ToString(), cancellationToken);
        for (var i = 0; i < typed.Count; i++)
        {
            var source = stepRows.FirstOrDefault(s => s.Guid("id") == typed[i].Id);
            var entity = JourneyStep.Imported(typed[i].Id, session.TenantId, id, i, StepConfigs.TypeName(typed[i].Type), StepConfigs.ToJson(typed[i]));
            if (source is null)
            {
                session.AddAlso(entity);
            }
            else
            {
                await session.AddAsync(source, typed[i].Id.ToString(), entity, "journey_steps", s => s.Id.ToString(), cancellationToken);
            }
        }

        foreach (var (trigger, definition) in active)
        {
            await session.AddAsync(
                trigger, trigger.Text("id") ?? "?", JourneyTrigger.Create(session.TenantId, id, definition.Type, TriggerConfigs.ToJson(definition)), "journey_triggers",
                t => t.Id.ToString(), cancellationToken);
        }

        return (journey, flow);
    }

    /// <summary>The original's steps as this product's step configs (several where the original packed two in one).</summary>
    private static List<(Guid Id, string Type, JsonObject Config)> Definitions(TenantImportSession session, IReadOnlyList<SourceRow> rows, List<string> problems)
    {
        var ids = rows.Select(r => r.Guid("id")).Where(i => i is not null).Select(i => i!.Value).ToHashSet();
        var definitions = new List<(Guid Id, string Type, JsonObject Config)>();
        foreach (var row in rows)
        {
            var id = row.Guid("id") ?? throw new SourceFormatException("A journey step has no id.");
            JsonObject config;
            try
            {
                config = row.Object("config") ?? [];
            }
            catch (SourceFormatException exception)
            {
                session.Quarantined(row, id.ToString(), "journey_steps", exception.Message);
                problems.Add($"its step {id} did not come over ({exception.Message})");
                continue;
            }

            var text = Html(Text(config, "content") ?? Text(config, "text"));
            switch (row.Text("step_type"))
            {
                case "message":
                    if (Number(config, "delay_seconds") is > 0 and var pause)
                    {
                        definitions.Add((Derived(id, "delay"), "delay", new JsonObject { ["name"] = Name(Derived(id, "delay")), ["seconds"] = pause }));
                    }

                    definitions.Add((id, "message", new JsonObject { ["name"] = Name(id), ["text"] = text ?? string.Empty }));
                    break;
                case "question":
                    if (Number(config, "delay_seconds") is > 0 and var wait)
                    {
                        definitions.Add((Derived(id, "delay"), "delay", new JsonObject { ["name"] = Name(Derived(id, "delay")), ["seconds"] = wait }));
                    }

                    definitions.Add((id, "question", new JsonObject
                    {
                        ["name"] = Name(id),
                        ["text"] = text ?? string.Empty,
                        ["answer_key"] = Text(config, "answer_key") ?? "answer",
                        ["validation"] = Text(config, "validation") is "number" or "email" or "choice" ? Text(config, "validation") : "text",
                    }));
                    break;
                case "delay":
                    var min = (Number(config, "min_minutes") * 60) ?? Number(config, "seconds") ?? 60;
                    var max = (Number(config, "max_minutes") * 60) ?? min;
                    definitions.Add((id, "delay", min == max
                        ? new JsonObject { ["name"] = Name(id), ["seconds"] = min }
                        : new JsonObject { ["name"] = Name(id), ["min_seconds"] = min, ["max_seconds"] = max }));
                    break;
                case "wait_for_reply":
                    if (text is not null)
                    {
                        definitions.Add((Derived(id, "prompt"), "message", new JsonObject { ["name"] = Name(Derived(id, "prompt")), ["text"] = text }));
                    }

                    var waitConfig = new JsonObject
                    {
                        ["name"] = Name(id),
                        ["timeout_seconds"] = (Number(config, "timeout_minutes") ?? 1440) * 60,
                        ["timeout_action"] = Text(config, "timeout_action") == "continue" ? "continue" : "end",
                    };
                    if (Html(Text(config, "timeout_message")) is { } timeoutMessage)
                    {
                        waitConfig["timeout_message"] = timeoutMessage;
                    }

                    definitions.Add((id, "wait_for_reply", waitConfig));
                    break;
                case "conditional":
                    var keyword = row.Text("branch_keyword") ?? Text(config, "branch_keyword");
                    var yes = row.Guid("branch_true_step_id");
                    var no = row.Guid("branch_false_step_id");
                    if (definitions.Count == 0 || definitions[^1].Type != "wait_for_reply" || keyword is null || yes is null)
                    {
                        session.Quarantined(row, id.ToString(), "journey_steps", "A conditional step not right after a wait for a reply has no counterpart here.");
                        problems.Add($"its conditional step {id} has no counterpart");
                        continue;
                    }

                    var waitStep = definitions[^1].Config;
                    waitStep["branches"] = new JsonArray(new JsonObject { ["keyword"] = keyword, ["step"] = Name(yes.Value) });
                    if (no is { } otherwise)
                    {
                        waitStep["next"] = Name(otherwise);
                        if (!ids.Contains(otherwise))
                        {
                            problems.Add($"its conditional step {id} leads to a step that does not exist ({otherwise})");
                        }
                    }

                    session.Merged(row, "journey_steps");
                    break;
                default:
                    session.Quarantined(row, id.ToString(), "journey_steps", $"Unknown step type '{row.Text("step_type")}'.");
                    problems.Add($"its step {id} has an unknown type");
                    break;
            }
        }

        return definitions;
    }

    private static (string Type, JsonObject Config) Trigger(SourceRow row)
    {
        var config = row.Object("trigger_config") ?? [];
        return row.Text("trigger_type") switch
        {
            "telegram_deeplink" => (TriggerConfigs.DeepLink, new JsonObject { ["code"] = Text(config, "start_param") ?? Text(config, "param") }),
            "direct_message" => (TriggerConfigs.Keyword, new JsonObject { ["keyword"] = Text(config, "keyword") }),
            "api_event" => (TriggerConfigs.Event, new JsonObject { ["event"] = Text(config, "event_name") }),
            var other => (other ?? "?", config),
        };
    }

    private static async Task SessionsAsync(TenantImportSession session, Dictionary<Guid, (Journey Journey, JourneyFlow Flow)> journeys, CancellationToken cancellationToken)
    {
        var due = new Dictionary<Guid, DateTimeOffset>();
        await foreach (var row in session.RowsAsync("journey_scheduled_messages", "journey_scheduled_messages", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            if (row.Text("status") == "pending" && row.Guid("session_id") is { } sessionId && row.Time("scheduled_for") is { } at)
            {
                due[sessionId] = at;
                session.Merged(row, "journey_scheduled_messages");
            }
            else
            {
                session.Skip(row, "journey_scheduled_messages", "timers already sent, failed or cancelled (history of the original engine); running sessions get their timers anew");
            }
        }

        var running = new HashSet<(Guid, long)>();
        await foreach (var row in session.RowsAsync("journey_user_sessions", "journey_user_sessions", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                if (!journeys.TryGetValue(row.Guid("journey_id") ?? Guid.Empty, out var journey))
                {
                    session.Quarantined(row, key, "journey_user_sessions", "Its journey did not come over.");
                    continue;
                }

                var (entity, timer) = Session(session, row, journey.Journey, journey.Flow, due);
                if (entity.IsRunning && !running.Add((entity.JourneyId, entity.TelegramChatId)))
                {
                    session.Quarantined(row, key, "journey_user_sessions", "A second running session of the same chat in the same journey; one runs at a time here.");
                    continue;
                }

                await session.AddAsync(row, key, entity, "journey_user_sessions", s => s.Id.ToString(), cancellationToken);
                if (timer is not null)
                {
                    session.AddAlso(timer);
                }
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "journey_user_sessions", exception.Message);
            }
        }
    }

    private static (JourneyUserSession, JourneyScheduledMessage?) Session(
        TenantImportSession session, SourceRow row, Journey journey, JourneyFlow flow, IReadOnlyDictionary<Guid, DateTimeOffset> due)
    {
        var started = row.Time("started_at") ?? session.Now;
        var last = row.Time("last_activity_at") ?? started;
        var step = flow.Find(row.Guid("current_step_id"));
        var entity = JourneyUserSession.Start(
            session.TenantId, journey.Id, row.Long("telegram_chat_id") ?? throw new SourceFormatException("No chat id."),
            row.Long("telegram_user_id") ?? throw new SourceFormatException("No user id."), step?.Id, started);
        if (row.Object("answers") is { Count: > 0 } answers)
        {
            entity.RecordAnswers(answers.ToJsonString(), last);
        }

        JourneyScheduledMessage? timer = null;
        switch (row.Text("status"), step)
        {
            case ("completed", _):
                entity.Complete(row.Time("completed_at") ?? last);
                break;
            case ("cancelled", _):
                entity.End("cancelled", last);
                break;
            case ("broken", _):
                entity.Fail("broken", row.Time("completed_at") ?? last);
                break;
            case ("waiting_delay", DelayStep delay):
                entity.WaitForDelay(last);
                timer = JourneyEngine.Timer(session.TenantId, entity, delay, TimerKind.Delay, Later(due.GetValueOrDefault(row.Guid("id")!.Value, session.Now), session.Now));
                break;
            case ("awaiting_reply" or "active", WaitForReplyStep wait):
                entity.AwaitReply(last);
                timer = JourneyEngine.Timer(session.TenantId, entity, wait, TimerKind.ReplyTimeout, Later(row.Time("wait_timeout_at") ?? last + wait.Timeout, session.Now));
                break;
            case ("awaiting_reply" or "active", QuestionStep question):
                entity.AwaitReply(last);
                if (journey.InactivityTimeoutMinutes is { } minutes)
                {
                    timer = JourneyEngine.Timer(session.TenantId, entity, question, TimerKind.Inactivity, Later(last.AddMinutes(minutes), session.Now));
                }

                break;
            case ("active" or "waiting_delay" or "awaiting_reply", _):
                entity.Fail("imported_mid_step", session.Now);
                session.Notes.Add("Running sessions whose step did not come over, or that were between steps, are imported ended (failed, reason imported_mid_step); the user can start the journey again.");
                break;
            default:
                throw new SourceFormatException($"Unknown session status '{row.Text("status")}'.");
        }

        return (entity, timer);
    }

    /// <summary>A timer that fell due while the original was still running goes off at once here.</summary>
    private static DateTimeOffset Later(DateTimeOffset at, DateTimeOffset now) => at > now ? at : now;

    private static string Name(Guid id) => "s" + id.ToString("N");

    /// <summary>A stable id for a step the import adds in front of an original one (the same on every run).</summary>
    private static Guid Derived(Guid id, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{purpose}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string? Text(JsonObject config, string name) =>
        config[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;

    private static long? Number(JsonObject config, string name) =>
        config[name] is JsonValue value && (value.TryGetValue<long>(out var number) || (value.TryGetValue<double>(out var d) && (number = (long)d) == number)) ? number : null;

    /// <summary>The original's plain text made safe for Telegram HTML.</summary>
    private static string? Html(string? text) =>
        text?.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
