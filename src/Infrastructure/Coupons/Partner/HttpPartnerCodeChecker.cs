using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;

namespace PromoStack.Infrastructure.Coupons.Partner;

/// <summary>
/// Asks the partner's API about a code: <c>GET</c> of the API's URL for it, with the key header when one is set
/// (decrypted here, never logged). Each attempt has the API's own timeout; a 429, a 5xx, a timeout or a network error
/// is tried again after a short pause (200 ms, then 400 ms, each plus up to 100 ms of jitter), any other status
/// answers at once: a valid status is <see cref="PartnerAnswer.Valid"/>, an invalid one
/// <see cref="PartnerAnswer.Invalid"/>, the rest <see cref="PartnerAnswer.Unavailable"/>. Out of attempts, the
/// answer is <see cref="PartnerAnswer.TimedOut"/> if the last one timed out, else unavailable. So a check takes at
/// most the timeout times the attempts plus 0.8 s, and a slow partner is never taken for a "no". Only the status
/// matters: the client's handler discards the body (<see cref="Handler"/>). Timeouts are wall-clock time, as the
/// network's are, not the app's clock. A cancellation by the caller is not a timeout: it is thrown.
/// </summary>
public sealed partial class HttpPartnerCodeChecker(IHttpClientFactory clients, ISecretProtector secrets, ILogger<HttpPartnerCodeChecker> logger)
    : IPartnerCodeChecker
{
    public const string HttpClientName = "coupon-partner";

    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];
    private const int JitterMs = 100;

    /// <summary>
    /// The client's handler: redirects are not followed (the key header would go along to wherever a partner's
    /// answer points; a 3xx is just a status), and an unread body is read and discarded up to 16 KB when the response
    /// is disposed, so the connection is reused, else the connection is closed. Unless
    /// <see cref="PartnerApiOptions.AllowPrivateNetworks"/>, connections go only to public addresses, checked on the
    /// addresses the name resolves to at connect time (so a name that later resolves inward is refused too): a
    /// refused partner is a network error, so the code is "can't check right now", never "invalid".
    /// </summary>
    public static HttpMessageHandler Handler(PartnerApiOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            MaxResponseDrainSize = 16 * 1024,
            ResponseDrainTimeout = TimeSpan.FromSeconds(1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!options.AllowPrivateNetworks)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = Array.FindAll(addresses, PublicAddresses.IsPublic);
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The partner host {host} has no public address; partner APIs must be on the internet.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<PartnerAnswer> CheckAsync(PartnerApi api, string code, CancellationToken cancellationToken)
    {
        var url = api.UrlFor(code);
        string? headerValue;
        try
        {
            headerValue = api.EncryptedHeaderValue is null ? null : secrets.Unprotect(CouponSecrets.PartnerHeaderValue, api.EncryptedHeaderValue);
        }
        catch (CryptographicException)
        {
            LogKeyUnreadable(url.Host);
            return PartnerAnswer.Unavailable;
        }

        var http = clients.CreateClient(HttpClientName);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Pauses[Math.Min(attempt - 2, Pauses.Length - 1)] + TimeSpan.FromMilliseconds(Random.Shared.Next(JitterMs)), cancellationToken);
            }

            var reply = await AttemptAsync(http, api, url, headerValue, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var answer = reply switch
            {
                { Status: null, TimedOut: true } => PartnerAnswer.TimedOut,
                { Status: null } => PartnerAnswer.Unavailable,
                { Status: var status } when api.ValidStatuses.Contains(status.Value) => PartnerAnswer.Valid,
                { Status: var status } when api.InvalidStatuses.Contains(status.Value) => PartnerAnswer.Invalid,
                _ => PartnerAnswer.Unavailable,
            };
            if (answer is PartnerAnswer.Valid or PartnerAnswer.Invalid || !reply.WorthRetrying || attempt == api.Attempts)
            {
                LogAnswer(url.Host, answer, reply.ToString(), attempt, elapsedMs);
                return answer;
            }

            LogRetry(url.Host, reply.ToString(), attempt, api.Attempts, elapsedMs);
        }
    }

    /// <summary>One GET within the API's timeout: its status, or why there is none.</summary>
    private static async Task<Reply> AttemptAsync(HttpClient http, PartnerApi api, Uri url, string? headerValue, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(api.TimeoutMs);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (api.HeaderName is not null && headerValue is not null)
        {
            request.Headers.TryAddWithoutValidation(api.HeaderName, headerValue);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new Reply((int)response.StatusCode, TimedOut: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Reply(null, TimedOut: true);
        }
        catch (HttpRequestException)
        {
            return new Reply(null, TimedOut: false);
        }
    }

    /// <summary>An attempt's HTTP status, or none: it timed out, or the network failed.</summary>
    private readonly record struct Reply(int? Status, bool TimedOut)
    {
        /// <summary>Throttled, a server error, or no answer: the next attempt may do better.</summary>
        public bool WorthRetrying => Status is null or (int)HttpStatusCode.TooManyRequests or >= 500;

        public override string ToString() => Status is { } status ? $"HTTP {status}" : TimedOut ? "a timeout" : "a network error";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner check at {Host}: {Answer} on {Reply} after {Attempts} attempt(s) in {ElapsedMs:F0} ms")]
    private partial void LogAnswer(string host, PartnerAnswer answer, string reply, int attempts, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner check at {Host}: attempt {Attempt} of {Attempts} got {Reply} after {ElapsedMs:F0} ms; trying again")]
    private partial void LogRetry(string host, string reply, int attempt, int attempts, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner check at {Host}: the stored API key cannot be decrypted (was Secrets__MasterKey changed?); the partner is taken as unavailable")]
    private partial void LogKeyUnreadable(string host);
}
