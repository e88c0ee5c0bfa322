using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace PromoStack.WebApi.Controllers;

/// <summary>A code list as uploaded: the request body as text, or the multipart file <c>file</c>.</summary>
public static class CouponCodeUpload
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The upload's text (UTF-8 unless a byte order mark says otherwise); over <see cref="MaxBytes"/> is a 413.</summary>
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return await TextAsync(request.Body, cancellationToken);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw new BadHttpRequestException("The form could not be read.", StatusCodes.Status400BadRequest);
        }

        var file = form.Files.GetFile("file")
                   ?? throw new ValidationException([new ValidationFailure("file", "Upload the list as the file 'file' (or send it as a text/csv body).")]);
        await using var stream = file.OpenReadStream();
        return await TextAsync(stream, cancellationToken);
    }

    private static async Task<string> TextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BadHttpRequestException($"A code list is at most {MaxBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
