using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Workbench.TestSupport.Web;

/// <summary>
/// A local stand-in for an external OpenID Connect provider such as Microsoft Entra ID (which cannot run
/// here): discovery, signing keys, the authorization endpoint (which signs the user in at once) and the
/// token endpoint (authorization code with PKCE, an RS256-signed ID token), so the app's real OpenID
/// Connect handler runs the whole code flow against it.
/// </summary>
public sealed class FakeOpenIdProvider(string subject, string userName, params string[] roles) : LocalHttpStandIn
{
    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string ClientId, string? Nonce, string? Challenge)> codes = new();

    public string Authority => BaseAddress;

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        switch (request.Url!.AbsolutePath)
        {
            case "/.well-known/openid-configuration":
                await WriteAsync(response, "application/json", new JsonObject
                {
                    ["issuer"] = Authority,
                    ["authorization_endpoint"] = $"{Authority}/authorize",
                    ["token_endpoint"] = $"{Authority}/token",
                    ["jwks_uri"] = $"{Authority}/keys",
                    ["response_types_supported"] = new JsonArray("code"),
                    ["subject_types_supported"] = new JsonArray("public"),
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["code_challenge_methods_supported"] = new JsonArray("S256"),
                }.ToJsonString());
                break;
            case "/keys":
                var parameters = key.ExportParameters(false);
                await WriteAsync(response, "application/json", new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = "test-key",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    }),
                }.ToJsonString());
                break;
            case "/authorize":
                var query = HttpUtility.ParseQueryString(request.Url.Query);
                var code = Guid.NewGuid().ToString("N");
                codes[code] = (query["client_id"]!, query["nonce"], query["code_challenge"]);
                response.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
                break;
            case "/token":
                using (var reader = new StreamReader(request.InputStream))
                {
                    var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                    if (!codes.TryRemove(form["code"] ?? string.Empty, out var grant) || !ChallengeMatches(grant.Challenge, form["code_verifier"]))
                    {
                        response.StatusCode = 400;
                        await WriteAsync(response, "application/json", "{\"error\":\"invalid_grant\"}");
                        break;
                    }

                    await WriteAsync(response, "application/json", new JsonObject
                    {
                        ["access_token"] = "unused",
                        ["token_type"] = "Bearer",
                        ["expires_in"] = 300,
                        ["id_token"] = IdToken(grant.ClientId, grant.Nonce),
                    }.ToJsonString());
                }

                break;
            default:
                response.StatusCode = 404;
                break;
        }

        response.Close();
    }

    private string IdToken(string clientId, string? nonce)
    {
        var claims = new List<Claim> { new("sub", subject), new("preferred_username", userName), new("email", $"{userName}@example.org") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        if (nonce is not null)
        {
            claims.Add(new Claim("nonce", nonce));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = clientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static bool ChallengeMatches(string? challenge, string? verifier) =>
        challenge is not null && verifier is not null &&
        challenge == Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
