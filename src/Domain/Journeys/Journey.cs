using PromoStack.Domain.Common;

namespace PromoStack.Domain.Journeys;

/// <summary>Stored as <c>block</c> / <c>restart</c>: what a trigger does for a chat already in a running session.</summary>
public enum ReentryPolicy
{
    Block,
    Restart,
}

/// <summary>A tenant's automated conversation in its message bot.</summary>
public sealed class Journey : ITenantOwned
{
    private Journey(Guid id, string tenantId, string name, string? description, DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        Name = name;
        Description = description;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public bool IsActive { get; private set; }
    public ReentryPolicy ReentryPolicy { get; private set; }
    public int? InactivityTimeoutMinutes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Sample data the demo seeds (<c>is_demo</c>): listed like the rest so every screen has something to show, but never
    /// counted in the tenant's real figures, nor in the audience of a broadcast or campaign.
    /// </summary>
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    public const int MaxInactivityTimeoutMinutes = 60 * 24 * 30;

    public static Journey Create(string tenantId, string name, string? description, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, Guard.NotBlank(name, "Name", 200), description, now);

    /// <summary>A journey brought over from another system with the id it had there (unpublished, as any new journey).</summary>
    public static Journey Imported(Guid id, string tenantId, string name, string? description, DateTimeOffset createdAt) =>
        new(id, tenantId, Guard.NotBlank(name, "Name", 200), description, createdAt);

    public void Edit(string name, string? description, ReentryPolicy reentry, int? inactivityTimeoutMinutes, DateTimeOffset now)
    {
        if (inactivityTimeoutMinutes is < 1 or > MaxInactivityTimeoutMinutes)
        {
            throw new DomainException($"The inactivity timeout is between 1 and {MaxInactivityTimeoutMinutes} minutes.");
        }

        Name = Guard.NotBlank(name, "Name", 200);
        Description = description;
        ReentryPolicy = reentry;
        InactivityTimeoutMinutes = inactivityTimeoutMinutes;
        UpdatedAt = now;
    }

    /// <summary>A copy (not published) with the same settings, named <paramref name="name"/>.</summary>
    public Journey Duplicate(string name, DateTimeOffset now)
    {
        var copy = Create(TenantId, name, Description, now);
        copy.Edit(name, Description, ReentryPolicy, InactivityTimeoutMinutes, now);
        return copy;
    }

    public void Publish(DateTimeOffset now)
    {
        if (IsActive)
        {
            throw new DomainException("The journey is already published.");
        }

        IsActive = true;
        UpdatedAt = now;
    }

    public void Unpublish(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("The journey is not published.");
        }

        IsActive = false;
        UpdatedAt = now;
    }
}

/// <summary>What starts a journey: a deep link, a keyword or a domain event.</summary>
public sealed class JourneyTrigger : ITenantOwned
{
    private JourneyTrigger(Guid id, string tenantId, Guid journeyId, string triggerType, string triggerConfig)
    {
        Id = id;
        TenantId = tenantId;
        JourneyId = journeyId;
        TriggerType = triggerType;
        TriggerConfig = triggerConfig;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public Guid JourneyId { get; private set; }
    public string TriggerType { get; private set; }
    public string TriggerConfig { get; private set; }
    public bool IsActive { get; private set; }

    public static JourneyTrigger Create(string tenantId, Guid journeyId, string triggerType, string triggerConfigJson) =>
        new(Guid.CreateVersion7(), tenantId, journeyId, Guard.NotBlank(triggerType, "Trigger type", 50), triggerConfigJson);

    /// <summary>The same trigger on another journey (a duplicate); it cannot collide before that journey is published.</summary>
    public JourneyTrigger CopyTo(Guid journeyId) => new(Guid.CreateVersion7(), TenantId, journeyId, TriggerType, TriggerConfig);
}

/// <summary>One ordered step of a journey. Step ids are stable across edits so running sessions keep their place.</summary>
public sealed class JourneyStep : ITenantOwned
{
    private JourneyStep(Guid id, string tenantId, Guid journeyId, int stepOrder, string stepType, string config)
    {
        Id = id;
        TenantId = tenantId;
        JourneyId = journeyId;
        StepOrder = stepOrder;
        StepType = stepType;
        Config = config;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public Guid JourneyId { get; private set; }
    public int StepOrder { get; private set; }
    public string StepType { get; private set; }
    public string Config { get; private set; }

    public static JourneyStep Create(string tenantId, Guid journeyId, int stepOrder, string stepType, string configJson) =>
        Imported(Guid.CreateVersion7(), tenantId, journeyId, stepOrder, stepType, configJson);

    /// <summary>A step brought over from another system with the id it had there, so its running sessions keep their place.</summary>
    public static JourneyStep Imported(Guid id, string tenantId, Guid journeyId, int stepOrder, string stepType, string configJson) =>
        new(id, tenantId, journeyId, stepOrder, Guard.NotBlank(stepType, "Step type", 50), configJson);

    /// <summary>An edit keeps the step's id, so sessions at this step stay on it.</summary>
    public void Change(int stepOrder, string stepType, string configJson)
    {
        StepOrder = stepOrder;
        StepType = Guard.NotBlank(stepType, "Step type", 50);
        Config = configJson;
    }
}

/// <summary>An event trigger that did not start its journey for a user (e.g. the bot cannot reach them), and why.</summary>
public sealed class JourneySkip : ITenantOwned
{
    private JourneySkip(Guid id, string tenantId, Guid journeyId, long telegramUserId, string trigger, string reason, DateTimeOffset occurredAt)
    {
        Id = id;
        TenantId = tenantId;
        JourneyId = journeyId;
        TelegramUserId = telegramUserId;
        Trigger = trigger;
        Reason = reason;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; }
    public Guid JourneyId { get; private set; }
    public long TelegramUserId { get; private set; }
    public string Trigger { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    public static JourneySkip Record(string tenantId, Guid journeyId, long telegramUserId, string trigger, string reason, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), tenantId, journeyId, telegramUserId, trigger, reason, now);
}
