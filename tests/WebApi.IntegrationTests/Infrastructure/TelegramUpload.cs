using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>A multipart Bot API call as the fake received it: its text fields and its files.</summary>
public sealed record TelegramUpload(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<UploadedFile> Files)
{
    public static TelegramUpload Parse(string contentType, byte[] body)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var fields = new Dictionary<string, string>();
        var files = new List<UploadedFile>();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
            if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value!;
                files.Add(new UploadedFile(name, fileName, section.ContentType, content.ToArray()));
            }
            else
            {
                fields[name] = Encoding.UTF8.GetString(content.ToArray());
            }
        }

        return new TelegramUpload(fields, files);
    }
}

/// <summary>A file part: its form name, file name, content type and bytes.</summary>
public sealed record UploadedFile(string Name, string FileName, string? ContentType, byte[] Content);
