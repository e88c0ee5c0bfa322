using System.Text.Json;
using PromoStack.Application.Journeys;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Tests.Journeys;

public sealed class StepConfigsTests
{
    private static StepDefinition? Parse(string type, string json, out List<FlowError> errors)
    {
        errors = [];
        using var document = JsonDocument.Parse(json);
        return StepConfigs.Parse(Guid.NewGuid(), type, document.RootElement, "steps[0]", errors);
    }

    [Theory]
    [InlineData("message", """{"name":"hello","text":"Hi <b>{first_name}</b>","buttons":[{"text":"Site","url":"https://example.com"}],"photo":"https://example.com/a.png"}""")]
    [InlineData("question", """{"text":"Pick","answer_key":"market","validation":"choice","options":["Gold","Forex"],"retry_prompt":"Pick one","max_retries":3}""")]
    [InlineData("delay", """{"min_seconds":60,"max_seconds":120,"next":"hello"}""")]
    [InlineData("delay", """{"seconds":30}""")]
    [InlineData("wait_for_reply", """{"timeout_seconds":600,"timeout_action":"end","timeout_message":"Bye","answer_key":"reply","branches":[{"keyword":"yes","step":"hello"}]}""")]
    public void AValidConfig_RoundTripsThroughItsCanonicalJson(string type, string json)
    {
        var step = Parse(type, json, out var errors);
        errors.Should().BeEmpty();

        var again = Parse(type, StepConfigs.ToJson(step!), out var second);

        second.Should().BeEmpty();
        StepConfigs.ToJson(again!).Should().Be(StepConfigs.ToJson(step!));
        JsonDocument.Parse(StepConfigs.ToJson(step!)).RootElement.EnumerateObject().Select(p => p.Name)
            .Should().BeSubsetOf(JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).Append("retry_prompt").Append("max_retries").Append("validation").Append("timeout_action"));
    }

    [Fact]
    public void AQuestionWithoutRetrySettings_GetsDefaultsForItsValidation()
    {
        var question = (QuestionStep)Parse("question", """{"text":"Age?","answer_key":"age","validation":"number"}""", out _)!;

        question.RetryPrompt.Should().Be("Please answer with a number.");
        question.MaxRetries.Should().Be(2);
    }

    [Theory]
    [InlineData("number", "1 234,5", "1234.5")]
    [InlineData("number", "ten", null)]
    [InlineData("email", "Ana@Example.COM", "ana@example.com")]
    [InlineData("email", "ana@localhost", null)]
    [InlineData("email", "Ana <ana@example.com>", null)]
    [InlineData("text", "   ", null)]
    [InlineData("text", "  hello ", "hello")]
    public void Answers_AreCheckedAndNormalised(string validation, string reply, string? expected)
    {
        var question = new QuestionStep(Guid.NewGuid(), null, null, "?", "k", Enum.Parse<AnswerValidation>(validation, ignoreCase: true), [], "again", 2);

        AnswerRules.Valid(question, reply).Should().Be(expected);
    }

    [Fact]
    public void AChoice_IsTakenByItsTextInAnyCase_OrItsNumber()
    {
        var question = new QuestionStep(Guid.NewGuid(), null, null, "?", "k", AnswerValidation.Choice, ["Gold", "Forex"], "again", 2);

        AnswerRules.Valid(question, "forex").Should().Be("Forex");
        AnswerRules.Valid(question, "1").Should().Be("Gold");
        AnswerRules.Valid(question, "3").Should().BeNull();
    }

    [Theory]
    [InlineData("<b>bold</b> and <a href=\"https://x.io\">link</a>", null)]
    [InlineData("1 &lt; 2", null)]
    [InlineData("1 < 2", "'<'")]
    [InlineData("<b>open", "not closed")]
    [InlineData("<b><i>x</b></i>", "does not match")]
    [InlineData("<script>x</script>", "does not support")]
    public void TelegramHtml_IsCheckedBeforeItIsSaved(string html, string? problem)
    {
        var found = TelegramHtmlCheck.Problem(html);

        if (problem is null)
        {
            found.Should().BeNull();
        }
        else
        {
            found.Should().Contain(problem);
        }
    }
}
