using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using PromoStack.WebApi.IntegrationTests.Coupons.Rendering;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document the admin app's client is generated from: checked in as <c>web/openapi.json</c> (written by
/// <c>./promostack openapi</c>, linted by Spectral and turned into <c>web/src/api/schema.d.ts</c> in <c>./promostack test</c>),
/// it must be the document the API serves, and describe every operation fully enough for a client.
/// </summary>
public sealed class OpenApiDocumentTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string CheckedIn = Path.Combine(RepositoryRoot.Path, "web", "openapi.json");

    [Fact]
    public async Task TheCheckedInDocument_IsTheOneTheApiServes()
    {
        var live = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"));
        var file = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn));

        JsonNode.DeepEquals(live, file).Should().BeTrue(
            $"web/openapi.json must be the API's document (first difference at {FirstDifference(live, file, "$")}): run ./promostack openapi");
    }

    [Fact]
    public async Task EveryOperation_HasAnId_ASummary_ADescription_AndADocumentedTag()
    {
        var document = await DocumentAsync();
        var tags = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(tag => tag.GetProperty("name").GetString()!, tag => tag.TryGetProperty("description", out var text) ? text.GetString() : null);

        var operations = Operations(document).ToList();

        operations.Should().HaveCountGreaterThan(90);
        foreach (var (name, operation) in operations)
        {
            Text(operation, "operationId").Should().MatchRegex("^[a-z][A-Za-z0-9]+$", name);
            Text(operation, "summary").Should().NotBeNullOrWhiteSpace(name).And.NotEndWith(".", $"{name}'s summary is a title");
            Text(operation, "description").Should().NotBeNullOrWhiteSpace(name);
            var operationTags = operation.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!).ToList();
            operationTags.Should().ContainSingle(name).Which.Should().BeOneOf(tags.Keys, name);
        }

        tags.Values.Should().OnlyContain(description => !string.IsNullOrWhiteSpace(description));
        tags.Keys.Should().Contain(["VIP subscriptions", "Signals", "Coupons", "Journeys", "Campaigns", "Broadcasts"])
            .And.NotContain(name => name.EndsWith("Controller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOperationThatNeedsASignIn_Documents401And503_AndAPublicOneAsksForNoToken()
    {
        var document = await DocumentAsync();

        var endpoints = Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .ToList();

        endpoints.Should().HaveCountGreaterThan(90);
        foreach (var endpoint in endpoints)
        {
            var name = $"{endpoint.HttpMethod} /{endpoint.RelativePath}";
            var operation = document.GetProperty("paths").GetProperty("/" + endpoint.RelativePath).GetProperty(endpoint.HttpMethod!.ToLowerInvariant());
            var statuses = Statuses(operation);
            var metadata = endpoint.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                statuses.Should().NotContain("401", name);
                operation.GetProperty("security").GetArrayLength().Should().Be(0, $"{name} needs no token");
            }
            else
            {
                metadata.OfType<IAuthorizeData>().Should().NotBeEmpty($"{name} is either public or signed in");
                statuses.Should().Contain(["401", "503"], name);
                operation.TryGetProperty("security", out _).Should().BeFalse($"{name} needs the document's bearer token");
            }
        }
    }

    [Fact]
    public async Task EveryErrorResponse_IsProblemDetails_AndA400HasItsFieldErrors()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        schemas.GetProperty("HttpValidationProblemDetails").GetProperty("properties").TryGetProperty("errors", out _).Should().BeTrue();
        schemas.GetProperty("ProblemDetails").GetProperty("properties").GetProperty("status").GetProperty("type").EnumerateArray()
            .Select(type => type.GetString()).Should().BeEquivalentTo(["null", "integer"], "a status is a number, never a string");
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var content = response.Value.GetProperty("content").EnumerateObject().ToList();
                content.Should().ContainSingle($"{name} {response.Name}").Which.Name.Should().Be("application/problem+json");
                content[0].Value.GetProperty("schema").GetProperty("$ref").GetString().Should().Be(
                    response.Name == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails", $"{name} {response.Name}");
                Text(response.Value, "description").Should().NotBeNullOrWhiteSpace($"{name} {response.Name}");
            }
        }
    }

    [Fact]
    public async Task TheErrorsFollowWhatTheEndpointDeclares()
    {
        var document = await DocumentAsync();

        Statuses(Operation(document, "/api/broadcasts", "get")).Should().Equal("200", "401", "403", "503");
        Statuses(Operation(document, "/api/broadcasts", "post")).Should().Equal("201", "400", "401", "403", "409", "413", "503");
        Statuses(Operation(document, "/api/campaigns/{id}", "delete")).Should().Equal("204", "401", "403", "404", "409", "503");
        Statuses(Operation(document, "/api/me", "get")).Should().Equal("200", "401", "503");
        Statuses(Operation(document, "/api/public/{tenant}/checkout", "post")).Should().Equal("200", "400", "404", "409", "413", "429", "503");
        Statuses(Operation(document, "/api/public/{tenant}/coupon-templates/{id}/{size}", "get")).Should().Equal("200", "304", "404", "429", "503");
        Statuses(Operation(document, "/api/import", "get")).Should().Contain("404", "the import's report is a 404 for a workspace never imported");
        Text(Operation(document, "/api/campaigns/{id}", "delete").GetProperty("responses").GetProperty("409"), "description")
            .Should().Contain("only drafts can be deleted");
        Text(Operation(document, "/api/platform/tenants", "get").GetProperty("responses").GetProperty("403"), "description")
            .Should().Contain("platform operator");
    }

    [Fact]
    public async Task JsonIsDocumentedAsTheApiWritesIt_EnumsByName_FilesAsFiles()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        schemas.GetProperty("BroadcastAudience").GetProperty("enum").EnumerateArray().Select(value => value.GetString())
            .Should().Equal("all", "vip", "free_leads", "coupon_users");
        schemas.GetProperty("BroadcastDto").GetProperty("properties").GetProperty("id").GetProperty("type").GetString().Should().Be("integer");
        Operation(document, "/api/broadcasts", "post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name)
            .Should().Equal("application/json");
        var csv = Operation(document, "/api/campaigns/{id}/entries.csv", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        csv.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString().Should().Be("string");
        var codes = Operation(document, "/api/coupons/codes", "put").GetProperty("requestBody").GetProperty("content");
        codes.EnumerateObject().Select(c => c.Name).Should().Equal("text/csv", "text/plain", "multipart/form-data");
        codes.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString()
            .Should().Be("binary");
        Operation(document, "/api/coupons/templates", "post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data")
            .GetProperty("schema").GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("template", "square", "story", "feed", "logo");
    }

    [Fact]
    public async Task TheDocument_NamesItsServer_Contact_AndDescription()
    {
        var document = await DocumentAsync();

        document.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()).Should().Equal("/");
        document.GetProperty("info").GetProperty("contact").GetProperty("name").GetString().Should().Be("PromoStack");
        Text(document.GetProperty("info"), "description").Should().Contain("X-PromoStack-Tenant");
    }

    [Fact]
    public async Task TheApiReference_ShowsTheSummaries_WithoutScalarsPromotion()
    {
        var response = await Anonymous().GetAsync("/docs");

        var page = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, page);
        var configuration = page.Replace("\\u0022", "\"", StringComparison.Ordinal);
        configuration.Should().Contain("\"operationTitleSource\":\"summary\"")
            .And.Contain("\"hideClientButton\":true")
            .And.Contain("\"showDeveloperTools\":\"never\"")
            .And.Contain("\"telemetry\":false")
            .And.Contain("\"agent\":{\"disabled\":true}")
            .And.Contain("\"mcp\":{\"disabled\":true}")
            .And.Contain("utm_source=powered-by")
            .And.Contain("scalar-version-number");
    }

    private async Task<JsonElement> DocumentAsync() => await (await Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("responses", out _))
            .Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    private static JsonElement Operation(JsonElement document, string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string> Statuses(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    private static string? Text(JsonElement element, string property) => element.TryGetProperty(property, out var value) ? value.GetString() : null;

    /// <summary>The JSON path of the first place two documents differ, to say where the checked-in one is stale.</summary>
    private static string FirstDifference(JsonNode? live, JsonNode? file, string path)
    {
        switch (live, file)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(a[key], b[key]))
                    {
                        return !a.ContainsKey(key) || !b.ContainsKey(key) ? $"{path}.{key}" : FirstDifference(a[key], b[key], $"{path}.{key}");
                    }
                }

                return path;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                var index = Enumerable.Range(0, a.Count).First(i => !JsonNode.DeepEquals(a[i], b[i]));
                return FirstDifference(a[index], b[index], $"{path}[{index}]");
            default:
                return path;
        }
    }
}
