namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>The screens every browser test runs on: a phone held upright (touch, the menu as a drawer) and a laptop.</summary>
public enum Device
{
    Phone,
    Desktop,
}
