using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using MentorFlow.Integrations.SendGridEvents;
using MentorFlow.Workflows.Api;
using MentorFlow.Workflows.Approvals.Tokens;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;
using static MentorFlow.Local.Tests.Api.ProgramClient;

namespace MentorFlow.Local.Tests.Api;

/// <summary>
/// Property-based fuzzing of every input an outsider controls, against the running local host: program
/// definitions (random text and mutations of a valid one), the approval, check-in and story links (random and
/// mutated tokens, and tokens signed with the host's own key that name hostile ids), and the SendGrid webhook
/// parser. The property: never a 5xx, never a dropped connection, never an unhandled exception in the host's log;
/// the parser only parses or refuses. Each test prints how many inputs it generated and its seed;
/// <c>MENTORFLOW_FUZZ_SEED=&lt;seed&gt;</c> replays a run.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed partial class InputFuzzTests(LocalHostFixture fixture, ITestOutputHelper output)
{
    // Each accepted mutation starts (and the test cancels) a program, so the host gets fewer definitions than the
    // parser behind it, which sees the same generated inputs in-process.
    private const int ProgramCases = 200;
    private const int DefinitionParserCases = 2000;
    private const int LinkCases = 1000;
    private const int ParserCases = 2000;

    // Raw JSON string contents (already escaped as they stand between the quotes) that have hurt parsers.
    private static readonly string[] HostileRaw =
    [
        "", " ", "\\ud800", "\\udfff", "x\\ud83d", "\\ud83d\\ude80", "\\u0000", "\\u0007", "\\u0085", "prg-../../x", "../../etc",
        "a/b", "#", "?x=1", "%2F", "<script>alert(1)</script>", "'; --", "\\\\", "\\\"", "\\n\\r\\t", "𝄞 é €",
        new string('x', 5_000), new string('<', 40_000), "P1D", "PT1S", "P99999999Y", "-P1D", "1e400", "tenureMonths >= ((((((1))))))",
        "country in (", "approve", "decline", "charter", "checkin:pilot-1-00001-mentee", "story:0001-mentee",
    ];

    // Raw JSON values (not strings) to put where any value stands.
    private static readonly string[] HostileValues =
    [
        "null", "true", "0", "-1", "0.5", "1e400", "-1e400", "123456789012345678901234567890", "[]", "{}", "[null]", "{\"\":1}",
        string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)), "{\"\\ud800\":1}", "\"\\ud800\"",
    ];

    private static readonly string[] Hostile =
    [
        "", " ", "prg-../../x", "prg-..%2F..%2Fx", "prg-x/y", "prg-a#b", "prg-a?b", "prg-\u0000", "prg-\u0007", "prg-" + new string('a', 70),
        "prg-ä", "prg-x'y", "../charter", "charter#1", "checkin:", "checkin:../x", "story:a/b", "checkin:pilot-1-00001-mentee",
        "story:0001-mentee", "nomination-0001", "charter", new string('z', 3_000), "\ud800", "x\udfff", "a@b.c", "priya.patel@example.com",
    ];

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task PostPrograms_RandomAndMutatedDefinitions_NeverAnswer5xx()
    {
        var seed = Seed();
        var sample = SampleDefinition().ToJsonString();
        var statuses = new Dictionary<int, int>();
        var mark = fixture.Host.Output.Length;

        var run = await CheckAsync("POST /api/programs", seed, ProgramCases, ProgramCaseGen(), async c =>
        {
            var body = Encoding.UTF8.GetBytes(c.Body(sample));
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType switch
            {
                0 => "application/json",
                1 => "text/plain",
                2 => "application/problem+json; charset=latin1",
                _ => "multipart/form-data",
            });
            HttpResponseMessage response;
            try
            {
                response = await Client.PostAsync("api/programs", content);
            }
            catch (HttpRequestException) when (body.Length > ProgramApi.MaxBodyBytes)
            {
                // Refused before it was read (413 as the upload still ran): the connection closes; nothing failed.
                return null;
            }

            using var answered = response;
            lock (statuses)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }

            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                // A mutation that kept the definition valid started a program: stop it again.
                var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                using var cancel = await Client.PostAsync($"api/programs/{id}/cancel", Json("""{"by":"fuzz test"}"""));
            }

            return (int)response.StatusCode < 500 ? null : $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
        });

        output.WriteLine($"POST /api/programs answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.Equal(ProgramCases, run);
        Assert.True(statuses.GetValueOrDefault(400) > ProgramCases / 2, "Most mutations must break the definition, or the test fuzzes nothing.");
        AssertNoUnhandledException(mark);
    }

    [Fact]
    public async Task DefinitionParser_RandomAndMutatedDefinitions_ValidOrProblemsWithPaths()
    {
        var seed = Seed();
        var sample = SampleDefinition().ToJsonString();
        var outcomes = new int[2];

        var run = await CheckAsync("program definition parser (in-process)", seed, DefinitionParserCases, ProgramCaseGen(), c =>
        {
            var result = MentorFlow.Workflows.Definitions.ProgramDefinitionParser.Parse(c.Body(sample));
            Interlocked.Increment(ref outcomes[result.IsValid ? 0 : 1]);
            var pathless = result.Problems.FirstOrDefault(p => string.IsNullOrEmpty(p.Path) || string.IsNullOrWhiteSpace(p.Message));
            return Task.FromResult(pathless is null ? null : $"a problem without path or message: {pathless}");
        });

        output.WriteLine($"Definitions: {outcomes[0]} valid, {outcomes[1]} with problems");
        Assert.Equal(DefinitionParserCases, run);
        Assert.True(outcomes[1] > DefinitionParserCases / 2, "Most mutations must break the definition, or the test fuzzes nothing.");
    }

    [Fact]
    public async Task TokenRoutes_RandomMutatedAndHostileSignedTokens_NeverAnswer5xx()
    {
        var seed = Seed();
        var programId = await SubmitAsync(Client, SampleDefinition("sales-leadership-2027.json"));
        var approve = ApproveLink(await CharterEmailAsync(Client, programId));
        var validToken = approve[(approve.LastIndexOf('/') + 1)..approve.IndexOf('?', StringComparison.Ordinal)];
        var key = (await File.ReadAllTextAsync(Path.Combine(fixture.Host.Settings.DataDirectory, LocalSigningKey.FileName))).Trim();
        var tokens = new ApprovalTokenService(
            Microsoft.Extensions.Options.Options.Create(new ApprovalTokenOptions { SigningKey = key }), TimeProvider.System);
        Assert.True(tokens.Verify(validToken).IsValid, "The test must sign with the host's key.");
        var statuses = new Dictionary<int, int>();
        var mark = fixture.Host.Output.Length;
        using var browser = new HttpClient { BaseAddress = fixture.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var tokenGen = Gen.Frequency(
            (2, RandomText().Select(text => new TokenCase(0, 0, 0, 0, text))),
            (3, from kind in Gen.Choose(0, 5) from at in Gen.Choose(0, 1_000) from text in RandomText() select new TokenCase(1, kind, at, 0, text)),
            (4, from p in Gen.Choose(0, Hostile.Length) from a in Gen.Choose(0, Hostile.Length) from e in Gen.Choose(0, Hostile.Length)
                select new TokenCase(2, p, a, e, null)),
            (2, from raw in Gen.Choose(0, HostileRaw.Length - 1) from field in Gen.Choose(0, 4) from value in Gen.Choose(0, HostileValues.Length - 1)
                select new TokenCase(3, raw, field, value, null)));
        var cases = from token in tokenGen
                    from route in Gen.Elements("approvals", "checkins", "stories")
                    from post in Gen.Elements(false, true, true)
                    from body in Gen.Choose(0, 5)
                    from text in RandomText()
                    select new LinkCase(route, post, token, body, text);

        var run = await CheckAsync("approval, check-in and story links", seed, LinkCases, cases, async c =>
        {
            var token = c.Token.Build(validToken, programId, key, tokens);
            var path = $"api/{c.Route}/{Uri.EscapeDataString(token)}";
            using var response = c.Post ? await browser.PostAsync(path, c.Content()) : await browser.GetAsync(path);
            lock (statuses)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }

            return (int)response.StatusCode < 500 ? null : $"{(int)response.StatusCode} for token '{Shorten(token)}': {Shorten(await response.Content.ReadAsStringAsync())}";
        });

        output.WriteLine($"Link answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}");
        using var cancel = await Client.PostAsync($"api/programs/{programId}/cancel", Json("""{"by":"fuzz test"}"""));
        Assert.Equal(LinkCases, run);
        Assert.True(statuses.GetValueOrDefault(400) > 0 && statuses.GetValueOrDefault(404) > 0, "Both refusals must occur, or the tokens reach nothing.");
        AssertNoUnhandledException(mark);
    }

    [Fact]
    public async Task SendGridParser_RandomAndMutatedBatches_ParsesOrRefusesOnly()
    {
        var seed = Seed();
        var outcomes = new int[2];
        var cases = Gen.Frequency(
            (1, RandomText().Select(text => new BatchCase(null, text))),
            (5, Mutations().Select(m => new BatchCase(m, null))));

        var run = await CheckAsync("SendGrid event batches", seed, ParserCases, cases, c =>
        {
            try
            {
                SendGridEventParser.Parse(Encoding.UTF8.GetBytes(c.Body()));
                Interlocked.Increment(ref outcomes[0]);
            }
            catch (SendGridEventFormatException)
            {
                Interlocked.Increment(ref outcomes[1]);
            }

            return Task.FromResult<string?>(null);
        });

        output.WriteLine($"SendGrid batches: {outcomes[0]} parsed, {outcomes[1]} refused with a format problem");
        Assert.Equal(ParserCases, run);
        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, "Both parsed and refused batches must occur.");
    }

    /// <summary>
    /// Runs <paramref name="property"/> (null = holds, else what went wrong) on <paramref name="count"/> inputs drawn
    /// from <paramref name="gen"/> by FsCheck with <paramref name="seed"/>; returns how many inputs it ran.
    /// </summary>
    private async Task<int> CheckAsync<T>(string what, ulong seed, int count, Gen<T> gen, Func<T, Task<string?>> property)
    {
        var ran = 0;
        string? failure = null;
        var started = DateTime.UtcNow;
        var check = Prop.ForAll(Arb.From(gen), input =>
        {
            Interlocked.Increment(ref ran);
            string? problem;
            try
            {
                problem = property(input).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                problem = $"{e.GetType().Name}: {e.Message}";
            }

            if (problem is not null)
            {
                failure ??= $"{problem}\ninput: {Shorten(input!.ToString()!)}";
            }

            return problem is null;
        });
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

        try
        {
            // FsCheck runs properties synchronously: off the test's context, so blocking on the HTTP calls is safe.
            await Task.Run(() => Check.One(config, check));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: the property failed after {ran} generated inputs; replay with MENTORFLOW_FUZZ_SEED={seed}.\n{failure}\n{Shorten(e.Message)}");
        }

        output.WriteLine($"{what}: {ran} generated inputs, no 5xx, in {(DateTime.UtcNow - started).TotalSeconds:F1} s (seed {seed}).");
        return ran;
    }

    private ulong Seed()
    {
        var configured = Environment.GetEnvironmentVariable("MENTORFLOW_FUZZ_SEED");
        var seed = ulong.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        output.WriteLine($"Seed {seed} (MENTORFLOW_FUZZ_SEED={seed} replays this run).");
        return seed;
    }

    private void AssertNoUnhandledException(int mark)
    {
        var log = fixture.Host.Output;
        var since = log.Length > mark ? log[mark..] : "";
        Assert.False(
            since.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase),
            "The host logged an unhandled exception during the fuzz run:\n" + Shorten(since[Math.Max(0, since.IndexOf("nhandled exception", StringComparison.OrdinalIgnoreCase) - 500)..], 4_000));
    }

    private static string Shorten(string text, int length = 600) => text.Length <= length ? text : text[..length] + $"… ({text.Length} characters)";

    /// <summary>Random text: short or long, printable, arbitrary characters, or fragments of JSON.</summary>
    private static Gen<string> RandomText() => Gen.Frequency(
        (3, Gen.ArrayOf(Gen.Elements("{", "}", "[", "]", ",", ":", "\"", "\\", "u", "d800", "null", "1", "e", "-", " ", "a", "é", "\u0000", "🚀")).Select(s => string.Concat(s))),
        (2, ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "")),
        (1, Gen.Choose(0, 300_000).Select(n => new string('{', Math.Min(n, 300_000)))));

    private static Gen<Mutation> MutationGen() =>
        from kind in Gen.Choose(0, 6)
        from target in Gen.Choose(0, 10_000)
        from value in Gen.Choose(0, 10_000)
        from count in Gen.Frequency((8, Gen.Choose(0, 30)), (1, Gen.Choose(100, 25_000)))
        select new Mutation(kind, target, value, count);

    private static Gen<ProgramCase> ProgramCaseGen() => Gen.Frequency(
        (1, RandomText().Select(text => new ProgramCase(null, text, 0))),
        (6, from mutations in Mutations()
            from contentType in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
            select new ProgramCase(mutations, null, contentType)));

    private static Gen<Mutation[]> Mutations() =>
        from count in Gen.Choose(1, 3)
        from mutations in Gen.ArrayOf(MutationGen(), count)
        select mutations;

    /// <summary>What to do to the sample definition (indices are taken modulo what exists, so every case applies).</summary>
    private sealed record Mutation(int Kind, int Target, int Value, int Count);

    private sealed record ProgramCase(Mutation[]? Mutations, string? Text, int ContentType)
    {
        public string Body(string sample) => Text ?? Mutate(sample, Mutations!);

        public override string ToString() =>
            Text is not null ? $"text '{Shorten(Text)}'" : $"mutations [{string.Join("; ", Mutations!.Select(m => m.ToString()))}], content type {ContentType}";
    }

    private sealed record BatchCase(Mutation[]? Mutations, string? Text)
    {
        private const string Batch = """
            [{"email":"priya.patel@example.com","timestamp":1795000000,"event":"bounce","sg_event_id":"e1","sg_message_id":"m1",
              "reason":"550 no such user","type":"bounce","mentorflow_key":"prg-0001/charter/request/0","mentorflow_program":"prg-0001"},
             {"email":"dana.lee@example.com","timestamp":1795000001,"event":"delivered","sg_event_id":"e2"}]
            """;

        public string Body() => Text ?? Mutate(Batch, Mutations!);

        public override string ToString() =>
            Text is not null ? $"text '{Shorten(Text)}'" : $"mutations [{string.Join("; ", Mutations!.Select(m => m.ToString()))}]";
    }

    /// <summary>Applies mutations to JSON text: values replaced by hostile ones, fields dropped or added, lists grown, text cut.</summary>
    private static string Mutate(string json, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            try
            {
                json = MutateOnce(json, m);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                // The text is no longer JSON the test can walk (cut, too deep, half a surrogate): send it as it is.
                return json;
            }
        }

        return json;
    }

    private static string MutateOnce(string json, Mutation m)
    {
        {
            var node = JsonNode.Parse(json)!;
            var nodes = Walk(node).ToList();
            var (parent, key, index, target) = nodes[m.Target % nodes.Count];
            switch (m.Kind)
            {
                case 0 or 1 when parent is not null:
                    // A placeholder, swapped for raw hostile JSON after writing (JsonNode cannot hold a lone surrogate).
                    Replace(parent, key, index, JsonValue.Create($"@@RAW{m.Value % HostileRaw.Length}@@"));
                    break;
                case 2 when parent is not null:
                    Replace(parent, key, index, JsonValue.Create($"@@VALUE{m.Value % HostileValues.Length}@@"));
                    break;
                case 3 when parent is JsonObject obj && key is not null:
                    obj.Remove(key);
                    break;
                case 4 when target is JsonArray array && array.Count > 0:
                    var item = array[m.Value % array.Count];
                    for (var i = 0; i < m.Count; i++)
                    {
                        array.Add(item?.DeepClone());
                    }

                    break;
                case 5 when target is JsonObject obj:
                    obj[m.Value % 2 == 0 ? "unknownField" : "@@NAME@@"] = m.Count;
                    break;
                case 6:
                    var text = node.ToJsonString();
                    return Restore(text[..(m.Value % Math.Max(1, text.Length))]);
                default:
                    break;
            }

            return Restore(node.ToJsonString());
        }
    }

    private static string Restore(string json)
    {
        json = RawPlaceholder().Replace(json, match => "\"" + HostileRaw[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] + "\"");
        json = ValuePlaceholder().Replace(json, match => HostileValues[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)]);
        return json.Replace("\"@@NAME@@\"", "\"na\\udc00me\"", StringComparison.Ordinal);
    }

    [GeneratedRegex("\"@@RAW(\\d+)@@\"")]
    private static partial Regex RawPlaceholder();

    [GeneratedRegex("\"@@VALUE(\\d+)@@\"")]
    private static partial Regex ValuePlaceholder();

    private static void Replace(JsonNode parent, string? key, int? index, JsonNode? value)
    {
        if (parent is JsonObject obj && key is not null)
        {
            obj[key] = value;
        }
        else if (parent is JsonArray array && index is { } i)
        {
            array[i] = value;
        }
    }

    private static IEnumerable<(JsonNode? Parent, string? Key, int? Index, JsonNode? Node)> Walk(JsonNode root)
    {
        var stack = new Stack<(JsonNode? Parent, string? Key, int? Index, JsonNode? Node)>();
        stack.Push((null, null, null, root));
        while (stack.Count > 0)
        {
            var entry = stack.Pop();
            yield return entry;
            switch (entry.Node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj.ToList())
                    {
                        stack.Push((obj, name, null, child));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        stack.Push((array, null, i, array[i]));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A token: random text (0), the real charter token mutated (1), claims with hostile ids signed with the host's key
    /// (2), or a signed payload that is not ours in shape (3).
    /// </summary>
    private sealed record TokenCase(int Kind, int A, int B, int C, string? Text)
    {
        public string Build(string valid, string programId, string key, ApprovalTokenService tokens) => Kind switch
        {
            0 => Text!,
            1 => MutateToken(valid, A, B, Text!),
            2 => tokens.Create(new ApprovalTokenClaims(
                Pick(A, programId), Pick(B, "charter"), Pick(C, "priya.patel@example.com"), DateTimeOffset.UtcNow.AddDays(C % 3 == 0 ? -1 : 1))),
            _ => SignRaw(key, RawPayload(programId)),
        };

        private static string Pick(int index, string real)
        {
            var value = index < Hostile.Length ? Hostile[index] : real;
            return string.IsNullOrWhiteSpace(value) ? real + "-x" : value;
        }

        private string RawPayload(string programId)
        {
            string[] fields = [$"\"p\":\"{programId}\"", "\"a\":\"charter\"", "\"e\":\"priya.patel@example.com\"", "\"x\":4102444800", "\"v\":1"];
            fields[B % fields.Length] = $"\"{"paexv"[B % 5]}\":" + (A % 2 == 0 ? "\"" + HostileRaw[A % HostileRaw.Length] + "\"" : HostileValues[C % HostileValues.Length]);
            return "{" + string.Join(",", fields) + "}";
        }

        private static string MutateToken(string token, int kind, int at, string text)
        {
            var i = at % token.Length;
            return kind switch
            {
                0 => token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..],
                1 => token[..i],
                2 => token + text,
                3 => string.Join('.', token.Split('.').Reverse()),
                4 => token + "." + token,
                _ => token[..i] + text + token[i..],
            };
        }

        private static string SignRaw(string key, string payloadJson)
        {
            var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
            var signature = HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(payload));
            return payload + "." + Base64Url.EncodeToString(signature);
        }
    }

    private sealed record LinkCase(string Route, bool Post, TokenCase Token, int BodyKind, string FullText)
    {
        // A form from an email's page is small; a huge upload to a refused link only shows Kestrel closing the connection.
        private string Text => FullText.Length <= 8_000 ? FullText : FullText[..8_000];

        public HttpContent? Content() => BodyKind switch
        {
            0 => null,
            1 => new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = Text.Length % 3 == 0 ? "approve" : Text, ["comment"] = Text }),
            2 => new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = Text, ["comment"] = Text }),
            3 => new FormUrlEncodedContent(new Dictionary<string, string> { ["story"] = Text, ["bestPractice"] = Text, ["consent"] = "yes", ["suggestion"] = Text }),
            4 => new StringContent("decision=%ED%A0%80&comment=%FF%FE", Encoding.ASCII, "application/x-www-form-urlencoded"),
            _ => Json("{\"decision\":\"\\ud800\"}"),
        };

        public override string ToString() => $"{(Post ? "POST" : "GET")} {Route} {Token with { Text = Token.Text is null ? null : Shorten(Token.Text, 100) }} body {BodyKind} '{Shorten(Text, 100)}'";
    }
}
