using System.Reflection;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using PromoStack.Application.Common.Messaging;
using PromoStack.WebApi.Auth;

namespace PromoStack.Architecture.Tests;

/// <summary>
/// Every endpoint through which a signed-in user changes something sends a message the audit log records: each
/// action that is not a GET and needs a signed-in user (an admin, an operator, any member) is read for the messages
/// it constructs, and each of those must be audited — save the reviewed few that change nothing.
/// </summary>
public sealed class AuditCoverageTests
{
    /// <summary>Not-GET actions that change nothing, with why; their messages are queries the audit log leaves out.</summary>
    private static readonly Dictionary<string, string> ChangeNothing = new()
    {
        ["ConnectionsController.Test"] = "asks Telegram whether a connected bot still works and changes nothing",
        ["CouponsController.PreviewTemplate"] = "renders a template with a sample code, for members too",
        ["CrossPromoController.Preview"] = "shows the next morning post without posting it",
        ["SignalsController.Backtest"] = "replays a strategy over candles the caller sends, for members too",
    };

    public static TheoryData<string> SignedInChangingActions() =>
        [.. Actions().Where(a => !IsGet(a) && NeedsSignIn(a)).Select(a => a.Name).Order()];

    [Fact]
    public void TheActionsOfAdminsAndOperators_AreFound()
    {
        var actions = SignedInChangingActions().Cast<object[]>().Select(row => (string)row[0]).ToList();

        actions.Should().Contain(["ConnectionsController.Save", "StripeController.SaveSettings", "TenantUsersController.ChangeRole", "JourneysController.Publish"]);
        Actions().Where(a => PoliciesOf(a).Intersect([Policies.TenantAdmin, Policies.PlatformOperator]).Any() && !IsGet(a))
            .Select(a => a.Name).Should().BeSubsetOf(actions);
    }

    [Theory]
    [MemberData(nameof(SignedInChangingActions))]
    public void ASignedInUsersChange_SendsOnlyAuditedMessages(string action)
    {
        var messages = MessagesConstructedBy(Actions().Single(a => a.Name == action).Method);

        messages.Should().NotBeEmpty("{0} goes through the mediator", action);
        if (ChangeNothing.ContainsKey(action))
        {
            messages.Should().OnlyContain(m => !typeof(IBaseCommand).IsAssignableFrom(m), "{0} is reviewed as changing nothing", action);
        }
        else
        {
            messages.Should().OnlyContain(m => AuditedMessages.Includes(m), "what {0} does is recorded", action);
        }
    }

    [Fact]
    public void TheExportsOfPersonalData_AreAudited()
    {
        var exports = Actions().Where(a => a.Method.GetCustomAttributes<HttpMethodAttribute>().Any(h => h.Template?.EndsWith(".csv", StringComparison.Ordinal) == true)).ToList();

        exports.Should().HaveCount(3);
        exports.Should().OnlyContain(a => MessagesConstructedBy(a.Method).All(AuditedMessages.Includes));
    }

    private sealed record Action(string Name, Type Controller, MethodInfo Method);

    private static IEnumerable<Action> Actions() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.WebApi)
            .Where(t => t.Namespace == "PromoStack.WebApi.Controllers" && typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.IsDefined(typeof(HttpMethodAttribute)))
                .Select(m => new Action($"{t.Name}.{m.Name}", t, m)));

    private static bool IsGet(Action action) =>
        action.Method.GetCustomAttributes<HttpMethodAttribute>().SelectMany(h => h.HttpMethods).Contains("GET");

    private static bool NeedsSignIn(Action action) =>
        !action.Method.IsDefined(typeof(AllowAnonymousAttribute)) && !action.Controller.IsDefined(typeof(AllowAnonymousAttribute))
        && (action.Method.IsDefined(typeof(AuthorizeAttribute)) || action.Controller.IsDefined(typeof(AuthorizeAttribute)));

    private static IEnumerable<string> PoliciesOf(Action action) =>
        action.Method.GetCustomAttributes<AuthorizeAttribute>().Concat(action.Controller.GetCustomAttributes<AuthorizeAttribute>())
            .Select(a => a.Policy).OfType<string>();

    /// <summary>The message types constructed by a method, its async state machine and the WebApi helpers it calls.</summary>
    private static List<Type> MessagesConstructedBy(MethodBase method)
    {
        var messages = new HashSet<Type>();
        var visited = new HashSet<MethodBase>();
        var pending = new Stack<MethodBase>([method]);
        while (pending.TryPop(out var next))
        {
            if (!visited.Add(next))
            {
                continue;
            }

            if (next.GetCustomAttribute<AsyncStateMachineAttribute>() is { } machine)
            {
                pending.Push(machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!);
            }

            foreach (var called in IlCalls.CalledBy(next))
            {
                if (called is ConstructorInfo { DeclaringType: { } type } && typeof(IMessage).IsAssignableFrom(type))
                {
                    messages.Add(type);
                }
                else if (called.DeclaringType?.Assembly == ProjectAssemblies.WebApi)
                {
                    pending.Push(called);
                }
            }
        }

        return [.. messages];
    }
}
