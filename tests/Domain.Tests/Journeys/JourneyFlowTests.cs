using PromoStack.Domain.Journeys;

namespace PromoStack.Domain.Tests.Journeys;

public sealed class JourneyFlowTests
{
    private static MessageStep Message(string? name = null, string? next = null, string text = "Hi") => new(Guid.NewGuid(), name, next, text, [], null);

    private static QuestionStep Question(string key, string? name = null, string? next = null) =>
        new(Guid.NewGuid(), name, next, "Q?", key, AnswerValidation.Text, [], "Again?", 2);

    private static DelayStep Delay(string? next = null) => new(Guid.NewGuid(), null, next, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    private static WaitForReplyStep Wait(TimeoutAction action, string? next = null, params KeywordBranch[] branches) =>
        new(Guid.NewGuid(), null, next, TimeSpan.FromMinutes(5), action, null, null, branches);

    [Fact]
    public void After_FollowsNext_ElseTheOrder_AndEndsAfterTheLast()
    {
        var a = Message("a");
        var b = Message(next: "a");
        var c = Message();
        var flow = new JourneyFlow([a, c, b]);

        flow.After(a).Should().Be(c);
        flow.After(b).Should().Be(a);
        new JourneyFlow([a]).After(a).Should().BeNull();
        flow.First.Should().Be(a);
    }

    [Fact]
    public void AfterReply_TakesTheFirstBranchWhoseKeywordIsAWholeWord_ElseGoesOn()
    {
        var offer = Message("offer");
        var later = Message("later");
        var wait = Wait(TimeoutAction.Continue, null, new KeywordBranch("yes", "offer"), new KeywordBranch("later", "later"));
        var flow = new JourneyFlow([wait, later, offer]);

        flow.AfterReply(wait, "YES!").Should().Be(offer);
        flow.AfterReply(wait, "maybe later").Should().Be(later);
        flow.AfterReply(wait, "yesterday").Should().Be(later, "no branch matched, so the next step");
    }

    [Fact]
    public void ACycleOfMessagesAndDelays_CanLoopForever_AndIsRefused()
    {
        var flow = new JourneyFlow([Message("a"), Delay(), Message(next: "a")]);

        flow.Validate().Should().ContainSingle().Which.Message.Should().Contain("loop forever");
    }

    [Fact]
    public void ACycleThroughAReplyTimeoutThatContinues_IsRefused_ButOneThatEndsIsFine()
    {
        new JourneyFlow([Message("a"), Wait(TimeoutAction.Continue, "a")]).Validate().Should().ContainSingle();
        new JourneyFlow([Message("a"), Wait(TimeoutAction.End, "a")]).Validate().Should().BeEmpty("only a reply takes it round again");
        new JourneyFlow([Question("q", name: "a"), Message(next: "a")]).Validate().Should().BeEmpty("a question waits for the user");
    }

    [Fact]
    public void MissingTargets_DuplicateNamesAndAnswerKeys_AndUnknownPlaceholders_AreEachReportedWithTheirField()
    {
        var flow = new JourneyFlow(
        [
            Message("a", next: "nowhere"),
            Message("a", text: "{nickname} {answer:missing} {first_name} {username} {answer:x}"),
            Question("x"),
            Question("x"),
            Wait(TimeoutAction.End, null, new KeywordBranch("go", "ghost")),
        ]);

        flow.Validate().Select(e => e.Field).Should().BeEquivalentTo(
        [
            "steps[0].config.next", "steps[1].config.name", "steps[1].config.text", "steps[1].config.text",
            "steps[2].config.answer_key", "steps[3].config.answer_key", "steps[4].config.branches[0].step",
        ]);
    }

    [Fact]
    public void AnEmptyFlow_OrOneTooLong_IsRefused()
    {
        new JourneyFlow([]).Validate().Should().ContainSingle().Which.Field.Should().Be("steps");
        new JourneyFlow([.. Enumerable.Range(0, JourneyFlow.MaxSteps + 1).Select(_ => Question($"k{Guid.NewGuid():N}"[..10]))]).Validate()
            .Should().Contain(e => e.Field == "steps");
    }

    [Fact]
    public void Render_FillsPlaceholders_EscapingWhatUsersTyped()
    {
        var text = Placeholders.Render("Hi <b>{first_name}</b> {username}: {answer:email} {answer:none}", "<Ana>", "ana", new Dictionary<string, string> { ["email"] = "a&b@x.io" });

        text.Should().Be("Hi <b>&lt;Ana&gt;</b> @ana: a&amp;b@x.io ");
        Placeholders.Render("Hi {first_name}", null, null, new Dictionary<string, string>()).Should().Be("Hi there");
    }

    [Theory]
    [InlineData("Tell me about SIGNALS!", "signals", true)]
    [InlineData("signalsx", "signals", false)]
    [InlineData("free trial please", "free trial", true)]
    [InlineData("c++ rocks", "c++", true)]
    public void Keywords_MatchWholeWordsInAnyCase(string text, string keyword, bool matches) =>
        Keywords.ContainsWord(text, keyword).Should().Be(matches);

    [Fact]
    public void AnExactKeyword_MatchesTheWholeMessageOnly()
    {
        Keywords.IsExactly("  Start ", "start").Should().BeTrue();
        Keywords.IsExactly("start now", "start").Should().BeFalse();
    }
}
