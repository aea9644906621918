using System.Text;

namespace MentorFlow.Benchmarks.Sources;

/// <summary>What a fake answers: a status and a JSON body.</summary>
internal readonly record struct FakeAnswer(int Status, byte[] Body)
{
    public static FakeAnswer Json(byte[] body) => new(200, body);

    public static FakeAnswer NotFound(string what) =>
        new(404, Encoding.UTF8.GetBytes($$$"""{"error":{"code":"NotFound","message":"The benchmark's fake does not serve {{{what}}}."}}"""));
}
