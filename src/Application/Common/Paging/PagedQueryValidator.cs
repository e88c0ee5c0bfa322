using FluentValidation;

namespace PromoStack.Application.Common.Paging;

/// <summary>The paging rules every list shares; a list query's validator derives from it and adds its filters' rules.</summary>
public abstract class PagedQueryValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    public const int MaxPageSize = 200;

    protected PagedQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
