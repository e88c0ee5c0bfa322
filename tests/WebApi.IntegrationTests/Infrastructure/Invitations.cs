namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>The invitee's side of an invitation: what <c>GET /api/me</c> lists, accepted through the API.</summary>
public static class Invitations
{
    /// <summary>Accepts every invitation waiting for the signed-in user's email; returns how many.</summary>
    public static async Task<int> AcceptAllAsync(HttpClient invitee)
    {
        var me = await (await invitee.GetAsync("/api/me")).JsonAsync();
        var ids = me.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        foreach (var id in ids)
        {
            (await invitee.PostAsync($"/api/me/invitations/{id}/accept", null)).EnsureSuccessStatusCode();
        }

        return ids.Count;
    }
}
