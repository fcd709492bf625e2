using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Just enough SOQL for a fake org: SELECT fields FROM object [WHERE conditions joined by
/// AND / OR, with parentheses] [ORDER BY field [ASC|DESC]] [LIMIT n]. Conditions compare with
/// = != &lt; &lt;= &gt; &gt;= LIKE, or test [NOT] IN (a list of values). Values are quoted strings,
/// booleans, null, numbers or datetimes. Anything else (functions, subqueries, OFFSET, date
/// literals) is MALFORMED_QUERY: refused as Salesforce refuses a query it cannot parse.
/// </summary>
public sealed class SoqlQuery
{
    private readonly List<string> _tokens;
    private readonly List<string> _filterFields = [];
    private readonly Func<string, string, object?, object?> _value;
    private int _at;

    private SoqlQuery(string soql, Func<string, string, object?, object?>? value)
    {
        _tokens = Tokenize(soql);
        _value = value ?? ((_, _, literal) => literal);
    }

    public IReadOnlyList<string> Fields { get; private set; } = [];

    public string Object { get; private set; } = "";

    public Func<Func<string, object?>, bool> Where { get; private set; } = _ => true;

    public string? OrderBy { get; private set; }

    /// <summary>The fields WHERE and ORDER BY name, for the org to check they exist.</summary>
    public IReadOnlyList<string> FilterFields => [.. _filterFields, .. OrderBy is null ? [] : new[] { OrderBy }];

    public bool Descending { get; private set; }

    /// <summary>At most this many records (LIMIT), or null for all.</summary>
    public int? Limit { get; private set; }

    /// <summary>
    /// Parses <paramref name="soql"/>; <paramref name="value"/>, given the object, the field and a literal compared
    /// with it, returns the literal as the org compares it (an id in its 18-character form) or throws
    /// <see cref="FormatException"/>.
    /// </summary>
    public static SoqlQuery Parse(string soql, Func<string, string, object?, object?>? value = null)
    {
        var query = new SoqlQuery(soql, value);
        query.ParseSelect();
        return query;
    }

    private void ParseSelect()
    {
        Expect("SELECT");
        var fields = new List<string> { Next() };
        while (Peek() == ",")
        {
            _at++;
            fields.Add(Next());
        }

        Fields = fields;
        Expect("FROM");
        Object = Next();
        if (PeekIs("WHERE"))
        {
            _at++;
            Where = ParseOr();
        }

        if (PeekIs("ORDER"))
        {
            _at++;
            Expect("BY");
            OrderBy = Next();
            if (PeekIs("DESC") || PeekIs("ASC"))
            {
                Descending = Next().Equals("DESC", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (PeekIs("LIMIT"))
        {
            _at++;
            Limit = int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                ? limit
                : throw new FormatException("LIMIT takes a whole number");
        }

        if (_at != _tokens.Count)
        {
            throw new FormatException($"unexpected token '{_tokens[_at]}'");
        }
    }

    private Func<Func<string, object?>, bool> ParseOr()
    {
        var left = ParseAnd();
        while (PeekIs("OR"))
        {
            _at++;
            var l = left;
            var r = ParseAnd();
            left = get => l(get) || r(get);
        }

        return left;
    }

    private Func<Func<string, object?>, bool> ParseAnd()
    {
        var left = ParseAtom();
        while (PeekIs("AND"))
        {
            _at++;
            var l = left;
            var r = ParseAtom();
            left = get => l(get) && r(get);
        }

        return left;
    }

    private Func<Func<string, object?>, bool> ParseAtom()
    {
        if (Peek() == "(")
        {
            _at++;
            var inner = ParseOr();
            Expect(")");
            return inner;
        }

        var field = Next();
        _filterFields.Add(field);
        var negated = PeekIs("NOT");
        if (negated)
        {
            _at++;
            if (!PeekIs("IN"))
            {
                throw new FormatException("expected IN after NOT");
            }
        }

        var op = Next();
        if (op.Equals("IN", StringComparison.OrdinalIgnoreCase))
        {
            var values = ParseList().Select(v => _value(Object, field, v)).ToList();
            return get => values.Any(v => Compare(get(field), v) == 0) != negated;
        }

        var literal = _value(Object, field, Literal(Next()));
        return op.ToUpperInvariant() switch
        {
            "=" => get => Compare(get(field), literal) == 0,
            "!=" => get => Compare(get(field), literal) != 0,
            ">=" => get => get(field) is not null && Compare(get(field), literal) >= 0,
            "<=" => get => get(field) is not null && Compare(get(field), literal) <= 0,
            ">" => get => get(field) is not null && Compare(get(field), literal) > 0,
            "<" => get => get(field) is not null && Compare(get(field), literal) < 0,
            "LIKE" when literal is string pattern => Like(field, pattern),
            _ => throw new FormatException($"unknown operator '{op}'"),
        };
    }

    private List<object?> ParseList()
    {
        Expect("(");
        var values = new List<object?> { Literal(Next()) };
        while (Peek() == ",")
        {
            _at++;
            values.Add(Literal(Next()));
        }

        Expect(")");
        return values;
    }

    /// <summary>LIKE: % any run of characters, _ one character, case-insensitive as in Salesforce.</summary>
    private static Func<Func<string, object?>, bool> Like(string field, string pattern)
    {
        var regex = new Regex(
            "^"
                + Regex
                    .Escape(pattern)
                    .Replace("%", ".*", StringComparison.Ordinal)
                    .Replace("_", ".", StringComparison.Ordinal)
                + "$",
            RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)
        );
        return get => get(field) is string value && regex.IsMatch(value);
    }

    public static int Compare(object? a, object? b) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string x, string y)
                when DateTimeOffset.TryParse(
                    x,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal,
                    out var dx
                )
                    && DateTimeOffset.TryParse(
                        y,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal,
                        out var dy
                    )
                    && x.Contains('T', StringComparison.Ordinal) => dx.CompareTo(dy),
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (bool x, bool y) => x.CompareTo(y),
            _ => Convert
                .ToDecimal(a, CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDecimal(b, CultureInfo.InvariantCulture)),
        };

    private static object? Literal(string token)
    {
        if (token.StartsWith('\''))
        {
            return token[1..^1];
        }

        if (token.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (bool.TryParse(token, out var b))
        {
            return b;
        }

        if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return token;
        }

        throw new FormatException($"bind variables and functions are not supported: '{token}'");
    }

    private string Next() =>
        _at < _tokens.Count ? _tokens[_at++] : throw new FormatException("unexpected end of query");

    private string? Peek() => _at < _tokens.Count ? _tokens[_at] : null;

    private bool PeekIs(string keyword) => string.Equals(Peek(), keyword, StringComparison.OrdinalIgnoreCase);

    private void Expect(string token)
    {
        if (!string.Equals(Next(), token, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"expected {token}");
        }
    }

    private static List<string> Tokenize(string soql)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder("'");
                i++;
                while (i < soql.Length && soql[i] != '\'')
                {
                    if (soql[i] == '\\' && i + 1 < soql.Length)
                    {
                        i++;
                        value.Append(
                            soql[i] switch
                            {
                                'n' => '\n',
                                'r' => '\r',
                                var other => other,
                            }
                        );
                    }
                    else
                    {
                        value.Append(soql[i]);
                    }

                    i++;
                }

                if (i >= soql.Length)
                {
                    throw new FormatException("unterminated string literal");
                }

                tokens.Add(value.Append('\'').ToString());
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var op = i + 1 < soql.Length && soql[i + 1] == '=' ? soql.Substring(i, 2) : c.ToString();
                tokens.Add(op);
                i += op.Length;
            }
            else
            {
                var start = i;
                while (
                    i < soql.Length
                    && !char.IsWhiteSpace(soql[i])
                    && soql[i] is not ('(' or ')' or ',' or '=' or '!' or '<' or '>' or '\'')
                )
                {
                    i++;
                }

                tokens.Add(soql[start..i]);
            }
        }

        return tokens;
    }
}
