using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.OpenApi;

namespace PromoStack.WebApi.Controllers;

/// <summary>
/// The coupon product's set-up: promo image templates (sizes, text boxes, images), their previews and images, the
/// coupon settings (what a code is, how it is validated, the affiliate link) and the list of valid codes.
/// </summary>
[ApiController]
[Route("api/coupons")]
[Tags(ApiTags.Coupons)]
public sealed class CouponsController(ISender sender, IOptions<JsonOptions> json) : ControllerBase
{
    /// <summary>Four images of at most 10 MB each, and the form around them.</summary>
    public const long TemplateRequestBytes = (4L * ICouponImageCodec.MaxBytes) + (1024 * 1024);

    /// <summary>A code list file of at most 5 MB, and the form around it.</summary>
    public const long CodesRequestBytes = CouponCodeUpload.MaxBytes + (64 * 1024);

    /// <summary>List coupon templates</summary>
    /// <remarks>The workspace's promo image templates by name, each with its sizes, text boxes and image URLs.</remarks>
    [HttpGet("templates")]
    [Authorize(Policies.TenantMember)]
    public async Task<IReadOnlyList<CouponTemplateDto>> ListTemplates(CancellationToken cancellationToken) =>
        await sender.Send(new ListCouponTemplates(), cancellationToken);

    /// <summary>Get a coupon template</summary>
    /// <remarks>The template with its sizes, text boxes, image URLs and version (send it back with a change).</remarks>
    [HttpGet("templates/{id:int}")]
    [Authorize(Policies.TenantMember)]
    public async Task<CouponTemplateDto> GetTemplate(int id, CancellationToken cancellationToken) =>
        await sender.Send(new GetCouponTemplate(id), cancellationToken);

    /// <summary>Create a coupon template</summary>
    /// <remarks>
    /// Creates a template from a multipart form: the field <c>template</c> (JSON: name, slug?, telegramEnabled,
    /// webEnabled, sizes) and one image per size, as the files <c>square</c>, <c>story</c>, <c>feed</c> (and <c>logo</c>).
    /// PNG, JPEG or WebP of at most 10 MB and 4096×4096, in the size's shape (1080×1080, 1080×1920, 1080×1440); a
    /// request is at most 41 MB.
    /// </remarks>
    /// <param name="form">
    /// The template's fields as JSON in the field <c>template</c>, and the images <c>square</c> (1080×1080), <c>story</c>
    /// (1080×1920), <c>feed</c> (1080×1440) and <c>logo</c>.
    /// </param>
    [HttpPost("templates")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType<CouponTemplateDto>(StatusCodes.Status201Created)]
    [ProducesProblem(StatusCodes.Status409Conflict, "Another template has the slug.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The image store cannot be reached; nothing was saved.")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(TemplateRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = TemplateRequestBytes)]
    public async Task<ActionResult<CouponTemplateDto>> CreateTemplate([FromForm] CouponTemplateForm form, CancellationToken cancellationToken)
    {
        var request = form.Request(json.Value.JsonSerializerOptions);
        var template = await sender.Send(
            new CreateCouponTemplate(
                request.Name ?? string.Empty, request.Slug, request.TelegramEnabled ?? false, request.WebEnabled ?? false, request.Sizes ?? [],
                await CouponTemplateForm.ReadAsync(form.Square, cancellationToken), await CouponTemplateForm.ReadAsync(form.Story, cancellationToken),
                await CouponTemplateForm.ReadAsync(form.Feed, cancellationToken), await CouponTemplateForm.ReadAsync(form.Logo, cancellationToken)),
            cancellationToken);
        return CreatedAtAction(nameof(GetTemplate), new { id = template.Id }, template);
    }

    /// <summary>Change a coupon template</summary>
    /// <remarks>
    /// Replaces a template's definition (same form as creating, plus <c>expectedVersion</c> and <c>removeLogo</c> in the
    /// JSON): a size without a new file keeps its image, a size left out is removed.
    /// </remarks>
    /// <param name="form">
    /// The template's fields as JSON in the field <c>template</c>, and the images <c>square</c> (1080×1080), <c>story</c>
    /// (1080×1920), <c>feed</c> (1080×1440) and <c>logo</c>.
    /// </param>
    [HttpPut("templates/{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesProblem(StatusCodes.Status409Conflict, "The template changed since it was loaded (`currentVersion` is its version now), or another template has the slug.")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The image store cannot be reached; nothing was saved.")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(TemplateRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = TemplateRequestBytes)]
    public async Task<CouponTemplateDto> UpdateTemplate(int id, [FromForm] CouponTemplateForm form, CancellationToken cancellationToken)
    {
        var request = form.Request(json.Value.JsonSerializerOptions);
        return await sender.Send(
            new UpdateCouponTemplate(
                id, request.ExpectedVersion ?? 0, request.Name ?? string.Empty, request.Slug, request.TelegramEnabled ?? false, request.WebEnabled ?? false,
                request.Sizes ?? [], await CouponTemplateForm.ReadAsync(form.Square, cancellationToken), await CouponTemplateForm.ReadAsync(form.Story, cancellationToken),
                await CouponTemplateForm.ReadAsync(form.Feed, cancellationToken), await CouponTemplateForm.ReadAsync(form.Logo, cancellationToken),
                request.RemoveLogo ?? false),
            cancellationToken);
    }

    /// <summary>Delete a coupon template</summary>
    /// <remarks>The bot and the web generator stop offering it at once.</remarks>
    [HttpDelete("templates/{id:int}")]
    [Authorize(Policies.TenantAdmin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteTemplate(int id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteCouponTemplate(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Preview a coupon template</summary>
    /// <remarks>
    /// A size of the template drawn with a code (<c>SAMPLE20</c> unless given, else a code by the workspace's pattern) by
    /// the renderer the bot uses, as PNG.
    /// </remarks>
    [HttpPost("templates/{id:int}/preview")]
    [Authorize(Policies.TenantMember)]
    [Produces("image/png")]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The image could not be made right now, or the image store cannot be reached.")]
    public async Task<IActionResult> PreviewTemplate(int id, CouponPreviewRequest request, CancellationToken cancellationToken) =>
        File(await sender.Send(new PreviewCouponTemplate(id, request.Size, request.Code), cancellationToken), "image/png");

    /// <summary>Get a coupon template's image</summary>
    /// <remarks>
    /// Any template's image, drafts included: a size (<c>square</c>, <c>story</c>, <c>feed</c>) or <c>logo</c>, as PNG. Its
    /// hash is the ETag (<c>If-None-Match</c> → 304); cached privately for a year when <c>v</c> names the current image.
    /// </remarks>
    /// <param name="image">A size (<c>square</c>, <c>story</c>, <c>feed</c>) or <c>logo</c>.</param>
    /// <param name="v">The image's version, as in the template's image URLs.</param>
    [HttpGet("templates/{id:int}/images/{image}")]
    [Authorize(Policies.TenantMember)]
    [Produces("image/png")]
    [ProducesFile("image/png")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesProblem(StatusCodes.Status503ServiceUnavailable, "The image store cannot be reached.")]
    public async Task<IActionResult> TemplateImage(int id, string image, [FromQuery] string? v, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCouponTemplateImage(id, image, OfferedOnly: false, v, CouponImageResponse.KnownHashes(Request)), cancellationToken);
        return CouponImageResponse.Of(this, file, file.IsVersion ? "private, max-age=31536000, immutable" : "private, no-cache");
    }

    /// <summary>Get the coupon settings</summary>
    /// <remarks>
    /// What a code is, how it is validated, the partner's API and the affiliate link (the defaults when none are saved).
    /// Admins only: a partner URL may carry an API key in its query string.
    /// </remarks>
    [HttpGet("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CouponSettingsDto> GetSettings(CancellationToken cancellationToken) => await sender.Send(new GetCouponSettings(), cancellationToken);

    /// <summary>Save the coupon settings</summary>
    /// <remarks>
    /// Saves the settings as a whole. <c>partner.headerValue</c> is write-only: absent or null keeps the stored value,
    /// <c>""</c> removes the header, text replaces it; it is stored encrypted and never returned (only
    /// <c>headerValueSet</c> and a masked hint). A partner URL pointed at another origin needs the value again.
    /// </remarks>
    [HttpPut("settings")]
    [Authorize(Policies.TenantAdmin)]
    public async Task<CouponSettingsDto> SaveSettings(CouponSettingsRequest request, CancellationToken cancellationToken) =>
        await sender.Send(
            new SaveCouponSettings(request.Validation, request.CodePattern, request.Partner, request.LinkTemplate, request.ChecksPerMinute), cancellationToken);

    /// <summary>Get the code list at a glance</summary>
    /// <remarks>How many valid codes the uploaded list holds, when it was uploaded, and the first few.</remarks>
    [HttpGet("codes")]
    [Authorize(Policies.TenantMember)]
    public async Task<CouponCodeListDto> GetCodes(CancellationToken cancellationToken) => await sender.Send(new GetCouponCodes(), cancellationToken);

    /// <summary>Replace the code list</summary>
    /// <remarks>
    /// Replaces the list of valid codes: a <c>text/csv</c> (or plain text) body, or a multipart form with the file
    /// <c>file</c>; one code per line or the first column, a title line allowed, at most 100,000 codes and 5 MB. Lines that
    /// are not codes by the pattern are left out and reported; a file without a single code changes nothing (400).
    /// </remarks>
    [HttpPut("codes")]
    [Authorize(Policies.TenantAdmin)]
    [AcceptsFile("file", "text/csv", "text/plain")]
    [RequestSizeLimit(CodesRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = CodesRequestBytes)]
    public async Task<CouponCodeListReport> ReplaceCodes(CancellationToken cancellationToken) =>
        await sender.Send(new ReplaceCouponCodes(await CouponCodeUpload.ReadAsync(Request, cancellationToken)), cancellationToken);
}

/// <summary>The JSON of the <c>template</c> field.</summary>
/// <param name="ExpectedVersion">Changes only: the version the template had when it was loaded.</param>
/// <param name="RemoveLogo">Changes only: drop the logo (no size may show it then).</param>
public sealed record CouponTemplateRequest(
    string? Name, string? Slug, bool? TelegramEnabled, bool? WebEnabled, IReadOnlyList<CouponSizeInput>? Sizes, int? ExpectedVersion, bool? RemoveLogo);

/// <param name="Code">A code to draw instead of the sample; it must be a code by the tenant's pattern.</param>
public sealed record CouponPreviewRequest(CouponSize? Size, string? Code);

/// <param name="Validation">How a code is judged valid: <c>partner</c>, <c>code_list</c> or <c>pattern</c>.</param>
/// <param name="CodePattern">What text is a code (a regular expression; the default when absent).</param>
/// <param name="LinkTemplate">The affiliate's link, an http(s) URL with <c>{code}</c>.</param>
/// <param name="ChecksPerMinute">Checks a user may ask for per minute (default 5).</param>
public sealed record CouponSettingsRequest(
    CodeValidation? Validation, string? CodePattern, PartnerApiInput? Partner, string? LinkTemplate, int? ChecksPerMinute);
