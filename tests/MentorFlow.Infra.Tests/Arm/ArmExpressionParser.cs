using System.Globalization;
using System.Text;

namespace MentorFlow.Infra.Tests.Arm;

/// <summary>Parses ARM template expressions: function calls, string and integer literals, member and index access.</summary>
public static class ArmExpressionParser
{
    /// <summary>Whether a template string is an expression (<c>[...]</c>) rather than a literal (<c>[[</c> escapes one).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>A template string's literal value: <c>[[x]</c> stands for <c>[x]</c>.</summary>
    public static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>Parses <c>[expression]</c>.</summary>
    public static ArmExpression Parse(string text)
    {
        if (!IsExpression(text))
        {
            throw new FormatException($"Not an ARM expression: {text}");
        }

        var reader = new Reader(text[1..^1]);
        var expression = reader.ReadExpression();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw new FormatException($"Unexpected '{reader.Rest}' in {text}");
        }

        return expression;
    }

    private sealed class Reader(string text)
    {
        private int position;

        public bool AtEnd => position >= text.Length;

        public string Rest => text[position..];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        public ArmExpression ReadExpression()
        {
            SkipSpace();
            var expression = ReadPrimary();
            while (true)
            {
                SkipSpace();
                if (TryRead('.'))
                {
                    expression = new ArmMember(expression, ReadIdentifier());
                }
                else if (TryRead('['))
                {
                    var index = ReadExpression();
                    SkipSpace();
                    Expect(']');
                    expression = new ArmIndex(expression, index);
                }
                else
                {
                    return expression;
                }
            }
        }

        private ArmExpression ReadPrimary()
        {
            if (AtEnd)
            {
                throw new FormatException($"Expression ends early: {text}");
            }

            var c = text[position];
            if (c == '\'')
            {
                return new ArmLiteral(ReadString());
            }

            if (char.IsDigit(c) || c == '-')
            {
                var start = position++;
                while (!AtEnd && char.IsDigit(text[position]))
                {
                    position++;
                }

                return new ArmLiteral(long.Parse(text[start..position], CultureInfo.InvariantCulture));
            }

            var name = ReadIdentifier();
            SkipSpace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!TryRead(')'))
            {
                do
                {
                    arguments.Add(ReadExpression());
                    SkipSpace();
                }
                while (TryRead(','));
                Expect(')');
            }

            return new ArmCall(name, arguments);
        }

        private string ReadString()
        {
            Expect('\'');
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException($"Unterminated string in {text}");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    if (!AtEnd && text[position] == '\'')
                    {
                        value.Append('\'');
                        position++;
                        continue;
                    }

                    return value.ToString();
                }

                value.Append(c);
            }
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = position;
            while (!AtEnd && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$' or '#'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw new FormatException($"Expected a name at '{Rest}' in {text}");
        }

        private bool TryRead(char c)
        {
            if (!AtEnd && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryRead(c))
            {
                throw new FormatException($"Expected '{c}' at '{Rest}' in {text}");
            }
        }
    }
}
