using FluentValidation;
using PromoStack.Application.Common.Behaviors;
using static PromoStack.Application.Tests.Behaviors.TestMessages;

namespace PromoStack.Application.Tests.Behaviors;

public sealed class ValidationBehaviorTests
{
    private static InlineValidator<PlainCommand> Rule(Action<InlineValidator<PlainCommand>> configure)
    {
        var validator = new InlineValidator<PlainCommand>();
        configure(validator);
        return validator;
    }

    [Fact]
    public async Task Handle_WithFailures_ThrowsWithEveryFailureOfEveryValidatorAndDoesNotCallNext()
    {
        var validators = new IValidator<PlainCommand>[]
        {
            Rule(v => v.RuleFor(c => c.Value).NotEmpty().WithMessage("first: required")),
            Rule(v =>
            {
                v.RuleFor(c => c.Value).MinimumLength(3).WithMessage("second: too short");
                v.RuleFor(c => c.Value).Must(s => s.StartsWith('x')).WithMessage("second: must start with x");
            }),
        };
        var behavior = new ValidationBehavior<PlainCommand, string>(validators);
        var called = false;

        var handle = async () => await behavior.Handle(new PlainCommand(""), (_, _) =>
        {
            called = true;
            return ValueTask.FromResult("handled");
        }, CancellationToken.None);

        var thrown = (await handle.Should().ThrowAsync<ValidationException>()).Which;
        thrown.Errors.Select(e => e.ErrorMessage).Should()
            .BeEquivalentTo(["first: required", "second: too short", "second: must start with x"]);
        called.Should().BeFalse();
    }

    [Fact]
    public async Task Handle_WhenOnlyOneValidatorFails_StillThrows()
    {
        var validators = new IValidator<PlainCommand>[]
        {
            Rule(v => v.RuleFor(c => c.Value).NotEmpty()),
            Rule(v => v.RuleFor(c => c.Value).MaximumLength(2)),
        };
        var behavior = new ValidationBehavior<PlainCommand, string>(validators);

        var handle = async () => await behavior.Handle(new PlainCommand("abc"), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None);

        (await handle.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.PropertyName.Should().Be(nameof(PlainCommand.Value));
    }

    [Fact]
    public async Task Handle_WhenValid_CallsNextAndReturnsItsResponse()
    {
        var behavior = new ValidationBehavior<PlainCommand, string>([Rule(v => v.RuleFor(c => c.Value).NotEmpty())]);
        var message = new PlainCommand("ok");

        var response = await behavior.Handle(message, (m, _) => ValueTask.FromResult($"handled {m.Value}"), CancellationToken.None);

        response.Should().Be("handled ok");
    }

    [Fact]
    public async Task Handle_WithoutValidators_CallsNext()
    {
        var behavior = new ValidationBehavior<PlainCommand, string>([]);

        var response = await behavior.Handle(new PlainCommand(""), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None);

        response.Should().Be("handled");
    }
}
