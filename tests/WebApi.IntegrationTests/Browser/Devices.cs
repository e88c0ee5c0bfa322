namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Every <see cref="Device"/>, for a browser test to run on each: <c>[Theory, ClassData(typeof(Devices))]</c>.</summary>
public sealed class Devices : TheoryData<Device>
{
    public Devices()
    {
        Add(Device.Phone);
        Add(Device.Desktop);
    }
}
