using System.Net;
using System.Text.Json;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts the status and a ProblemDetails body (JSON with status and traceId); returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("status").GetInt32().Should().Be((int)status);
        json.TryGetProperty("traceId", out _).Should().BeTrue(body);
        return json;
    }

    /// <summary>Asserts a 400 naming <paramref name="field"/> among its field errors.</summary>
    public static async Task ShouldHaveFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var json = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        json.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue($"the errors should name '{field}': {json}");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
