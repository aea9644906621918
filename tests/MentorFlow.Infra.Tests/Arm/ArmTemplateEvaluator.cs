using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorFlow.Infra.Tests.Arm;

/// <summary>
/// Evaluates a compiled ARM template (language version 1, as <c>bicep build</c> writes it) the way Azure Resource
/// Manager would for given parameters, without Azure: conditions, variables, module parameters and outputs are
/// evaluated; what only Azure knows (<c>reference()</c> of a resource) stays a <see cref="RuntimeValue"/> marker.
/// Functions it does not know fail loudly (notably <c>list*</c>, which would read keys).
/// </summary>
public sealed class ArmTemplateEvaluator(string subscriptionId, string tenantId)
{
    private readonly string subscriptionId = subscriptionId;
    private readonly string tenantId = tenantId;

    /// <summary>Evaluates a subscription-scope template deployed under <paramref name="deploymentName"/>.</summary>
    public ArmDeployment Evaluate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, string location, string deploymentName = "main") =>
        new Scope(this, template, deploymentName, resourceGroup: null, location, parent: null, parameters).Run();

    private sealed class Scope
    {
        private readonly ArmTemplateEvaluator evaluator;
        private readonly JsonObject template;
        private readonly string? resourceGroup;
        private readonly string location;
        private readonly Dictionary<string, JsonNode?> parameterValues = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, JsonNode?> variableValues = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, JsonObject> moduleDeclarations = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, ArmDeployment?> modules = new(StringComparer.OrdinalIgnoreCase);
        private readonly ArmDeployment deployment;

        public Scope(
            ArmTemplateEvaluator evaluator,
            JsonObject template,
            string name,
            string? resourceGroup,
            string location,
            ArmDeployment? parent,
            IReadOnlyDictionary<string, JsonNode?> parameters)
        {
            if (template["languageVersion"] is not null)
            {
                throw new NotSupportedException($"Template language version {template["languageVersion"]} is not understood here (only 1.0, what plain Bicep compiles to).");
            }

            this.evaluator = evaluator;
            this.template = template;
            this.resourceGroup = resourceGroup;
            this.location = location;
            deployment = new ArmDeployment(name, resourceGroup, parent);
            BindParameters(parameters);
        }

        public ArmDeployment Run()
        {
            foreach (var declaration in ResourceDeclarations())
            {
                if (IsDeployment(declaration))
                {
                    moduleDeclarations[EvaluateString(declaration["name"])] = declaration;
                }
            }

            foreach (var declaration in ResourceDeclarations())
            {
                if (IsDeployment(declaration))
                {
                    Module(EvaluateString(declaration["name"]));
                }
                else if (ConditionHolds(declaration))
                {
                    deployment.Resources.Add(EvaluateResource(declaration));
                }
            }

            foreach (var (name, output) in template["outputs"] as JsonObject ?? [])
            {
                var declaration = output!.AsObject();
                deployment.OutputTypes[name] = declaration["type"]!.GetValue<string>();
                if (ConditionHolds(declaration))
                {
                    deployment.Outputs[name] = Evaluate(declaration["value"]);
                }
            }

            return deployment;
        }

        private IEnumerable<JsonObject> ResourceDeclarations() =>
            (template["resources"] as JsonArray ?? []).Select(r => r!.AsObject());

        private static bool IsDeployment(JsonObject declaration) =>
            string.Equals(declaration["type"]?.GetValue<string>(), "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);

        private bool ConditionHolds(JsonObject declaration) =>
            declaration["condition"] is not { } condition || Truthy(Evaluate(condition));

        private void BindParameters(IReadOnlyDictionary<string, JsonNode?> given)
        {
            var declared = template["parameters"] as JsonObject ?? [];
            foreach (var name in given.Keys.Where(k => !declared.ContainsKey(k)))
            {
                throw new InvalidOperationException($"Deployment '{deployment.Name}' got parameter '{name}', which its template does not declare.");
            }

            foreach (var (name, node) in declared)
            {
                var declaration = node!.AsObject();
                JsonNode? value;
                if (given.TryGetValue(name, out var provided))
                {
                    value = provided?.DeepClone();
                }
                else if (declaration.ContainsKey("defaultValue"))
                {
                    value = Evaluate(declaration["defaultValue"]);
                }
                else
                {
                    throw new InvalidOperationException($"Deployment '{deployment.Name}' needs a value for parameter '{name}', which has no default.");
                }

                parameterValues[name] = value;
                var type = declaration["type"]?.GetValue<string>() ?? "";
                if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) && value is not null)
                {
                    var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
                    if (!string.IsNullOrEmpty(text))
                    {
                        deployment.SecureParameterValues.Add(text);
                    }
                }
            }
        }

        private ArmDeployment? Module(string name)
        {
            if (modules.TryGetValue(name, out var done))
            {
                return done ?? throw new InvalidOperationException($"Module '{name}' depends on itself.");
            }

            var declaration = moduleDeclarations.TryGetValue(name, out var d) ? d : throw new InvalidOperationException($"No module named '{name}' in '{deployment.Name}'.");
            modules[name] = null;
            if (!ConditionHolds(declaration))
            {
                modules.Remove(name);
                return null;
            }

            var properties = declaration["properties"]!.AsObject();
            if (properties["expressionEvaluationOptions"]?["scope"]?.GetValue<string>() is not "inner")
            {
                throw new NotSupportedException($"Module '{name}' does not use inner expression evaluation scope.");
            }

            var arguments = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (parameter, value) in properties["parameters"] as JsonObject ?? [])
            {
                arguments[parameter] = Evaluate(value)?["value"]?.DeepClone();
            }

            var group = declaration["resourceGroup"] is { } g ? EvaluateString(g) : resourceGroup;
            var module = new Scope(evaluator, properties["template"]!.AsObject(), name, group, location, deployment, arguments).Run();
            modules[name] = module;
            deployment.Modules.Add(module);
            return module;
        }

        private ArmResource EvaluateResource(JsonObject declaration)
        {
            var body = Evaluate(declaration)!.AsObject();
            var type = body["type"]!.GetValue<string>();
            var name = body["name"]!.GetValue<string>();
            var scope = body["scope"]?.GetValue<string>();
            var id = scope is null
                ? ResourceId(resourceGroup, type, name.Split('/'))
                : $"{scope}/providers/{type}/{name}";
            return new ArmResource(type, name, id, scope, deployment, body);
        }

        private string ResourceId(string? group, string type, IReadOnlyList<string> names)
        {
            var types = type.Split('/');
            if (types.Length - 1 != names.Count)
            {
                throw new InvalidOperationException($"Type {type} needs {types.Length - 1} name segments, got {names.Count}.");
            }

            var id = new StringBuilder($"/subscriptions/{evaluator.subscriptionId}");
            if (group is not null)
            {
                id.Append("/resourceGroups/").Append(group);
            }

            id.Append("/providers/").Append(types[0]);
            for (var i = 0; i < names.Count; i++)
            {
                id.Append('/').Append(types[i + 1]).Append('/').Append(names[i]);
            }

            return id.ToString();
        }

        // Template JSON: expressions inside strings (and property names) are evaluated, the rest copied.
        private JsonNode? Evaluate(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    var result = new JsonObject();
                    foreach (var (key, value) in o)
                    {
                        var evaluatedKey = ArmExpressionParser.IsExpression(key) ? EvaluateString(JsonValue.Create(key)) : ArmExpressionParser.Unescape(key);
                        result[evaluatedKey] = Evaluate(value);
                    }

                    return result;
                case JsonArray a:
                    return new JsonArray(a.Select(Evaluate).ToArray());
                case JsonValue v when v.TryGetValue<string>(out var text):
                    return ArmExpressionParser.IsExpression(text)
                        ? Evaluate(ArmExpressionParser.Parse(text))
                        : JsonValue.Create(ArmExpressionParser.Unescape(text));
                default:
                    return node?.DeepClone();
            }
        }

        private string EvaluateString(JsonNode? node) =>
            Evaluate(node) is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidOperationException($"Expected a string from {node}.");

        private JsonNode? Evaluate(ArmExpression expression) => expression switch
        {
            ArmLiteral { Value: string s } => JsonValue.Create(s),
            ArmLiteral { Value: long n } => JsonValue.Create(n),
            ArmMember member => Member(Evaluate(member.Target), member.Name),
            ArmIndex index => Index(Evaluate(index.Target), Evaluate(index.Index)),
            ArmCall call => Call(call),
            _ => throw new NotSupportedException(expression.ToString()),
        };

        private static JsonNode? Member(JsonNode? target, string name) => target switch
        {
            JsonObject o => o.TryGetPropertyValue(name, out var value)
                ? value?.DeepClone()
                : o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
                  ?? throw new InvalidOperationException($"No property '{name}' in {o.ToJsonString()}."),
            JsonValue v when v.TryGetValue<string>(out var s) && RuntimeValue.IsIn(s) => JsonValue.Create($"{s}.{name}"),
            _ => throw new InvalidOperationException($"Cannot read '{name}' of {target?.ToJsonString() ?? "null"}."),
        };

        private static JsonNode? Index(JsonNode? target, JsonNode? index) => target switch
        {
            JsonArray a => a[(int)Number(index)]?.DeepClone(),
            _ => Member(target, Text(index)),
        };

        private JsonNode? Call(ArmCall call)
        {
            // if() evaluates only the branch it takes, as ARM does.
            if (call.Name.Equals("if", StringComparison.OrdinalIgnoreCase))
            {
                Arity(call, 3);
                return Truthy(Evaluate(call.Arguments[0])) ? Evaluate(call.Arguments[1]) : Evaluate(call.Arguments[2]);
            }

            var args = call.Arguments.Select(Evaluate).ToList();
            switch (call.Name.ToLowerInvariant())
            {
                case "parameters":
                    var parameter = Text(args[0]);
                    return parameterValues.TryGetValue(parameter, out var p) ? p?.DeepClone() : throw new InvalidOperationException($"Unknown parameter '{parameter}' in '{deployment.Name}'.");
                case "variables":
                    return Variable(Text(args[0]));
                case "reference":
                    return Reference(Text(args[0]));
                case "resourceid":
                    {
                        var typeAt = args.FindIndex(a => Text(a).Contains('/', StringComparison.Ordinal));
                        var group = typeAt >= 2 ? Text(args[typeAt - 1]) : resourceGroup;
                        return JsonValue.Create(ResourceId(group, Text(args[typeAt]), args.Skip(typeAt + 1).Select(Text).ToList()));
                    }

                case "subscriptionresourceid":
                    {
                        var typeAt = args.FindIndex(a => Text(a).Contains('/', StringComparison.Ordinal));
                        return JsonValue.Create(ResourceId(null, Text(args[typeAt]), args.Skip(typeAt + 1).Select(Text).ToList()));
                    }

                case "extensionresourceid":
                    {
                        var names = args.Skip(2).Select(Text).ToList();
                        var scoped = ResourceId(null, Text(args[1]), names);
                        return JsonValue.Create(Text(args[0]) + scoped[scoped.IndexOf("/providers/", StringComparison.Ordinal)..]);
                    }

                case "subscription":
                    return new JsonObject
                    {
                        ["id"] = $"/subscriptions/{evaluator.subscriptionId}",
                        ["subscriptionId"] = evaluator.subscriptionId,
                        ["tenantId"] = evaluator.tenantId,
                    };
                case "tenant":
                    return new JsonObject { ["tenantId"] = evaluator.tenantId };
                case "resourcegroup":
                    return new JsonObject
                    {
                        ["id"] = $"/subscriptions/{evaluator.subscriptionId}/resourceGroups/{resourceGroup}",
                        ["name"] = resourceGroup,
                        ["location"] = location,
                    };
                case "deployment":
                    return new JsonObject { ["name"] = deployment.Name, ["location"] = location };
                case "uniquestring":
                    return JsonValue.Create(UniqueString(args.Select(Text)));
                case "guid":
                    return JsonValue.Create(DeterministicGuid(args.Select(Text)).ToString());
                case "fail":
                    // Bicep's fail(): ARM stops the deployment with this message (reached only through a taken if() branch).
                    throw new ArmDeploymentFailedException(deployment.Name, Text(args[0]));
                case "startswith":
                    return JsonValue.Create(Text(args[0]).StartsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase));
                case "tolower":
                    return JsonValue.Create(Text(args[0]).ToLowerInvariant());
                case "toupper":
                    return JsonValue.Create(Text(args[0]).ToUpperInvariant());
                case "format":
                    return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(a => (object)Stringify(a)).ToArray()));
                case "concat":
                    return args.All(a => a is JsonArray)
                        ? new JsonArray(args.SelectMany(a => a!.AsArray()).Select(x => x?.DeepClone()).ToArray())
                        : JsonValue.Create(string.Concat(args.Select(Stringify)));
                case "string":
                    return JsonValue.Create(Stringify(args[0]));
                case "empty":
                    return JsonValue.Create(IsEmpty(args[0]));
                case "not":
                    return JsonValue.Create(!Truthy(args[0]));
                case "and":
                    return JsonValue.Create(args.All(Truthy));
                case "or":
                    return JsonValue.Create(args.Any(Truthy));
                case "equals":
                    return JsonValue.Create(JsonNode.DeepEquals(args[0], args[1]));
                case "true":
                    return JsonValue.Create(true);
                case "false":
                    return JsonValue.Create(false);
                case "null":
                    return null;
                case "coalesce":
                    return args.FirstOrDefault(a => a is not null)?.DeepClone();
                case "createobject":
                    {
                        var o = new JsonObject();
                        for (var i = 0; i + 1 < args.Count; i += 2)
                        {
                            o[Text(args[i])] = args[i + 1]?.DeepClone();
                        }

                        return o;
                    }

                case "createarray":
                    return new JsonArray(args.Select(a => a?.DeepClone()).ToArray());
                case "union":
                    {
                        var o = new JsonObject();
                        foreach (var part in args)
                        {
                            foreach (var (key, value) in part!.AsObject())
                            {
                                o[key] = value?.DeepClone();
                            }
                        }

                        return o;
                    }

                case "take":
                    return args[0] is JsonArray array
                        ? new JsonArray(array.Take((int)Number(args[1])).Select(x => x?.DeepClone()).ToArray())
                        : JsonValue.Create(new string(Text(args[0]).Take((int)Number(args[1])).ToArray()));
                case "length":
                    return JsonValue.Create(args[0] switch { JsonArray a => a.Count, JsonObject o => o.Count, var v => Text(v).Length });
                case "contains":
                    return JsonValue.Create(args[0] switch
                    {
                        JsonArray a => a.Any(x => JsonNode.DeepEquals(x, args[1])),
                        JsonObject o => o.ContainsKey(Text(args[1])),
                        var v => Text(v).Contains(Text(args[1]), StringComparison.OrdinalIgnoreCase),
                    });
                default:
                    throw new NotSupportedException($"The template calls {call.Name}(), which these tests do not evaluate (and list* functions read keys, which MentorFlow's templates must not).");
            }
        }

        private JsonNode? Variable(string name)
        {
            if (!variableValues.TryGetValue(name, out var value))
            {
                var declared = template["variables"] as JsonObject ?? [];
                if (!declared.TryGetPropertyValue(name, out var declaration))
                {
                    throw new InvalidOperationException($"Unknown variable '{name}' in '{deployment.Name}'.");
                }

                value = Evaluate(declaration);
                variableValues[name] = value;
            }

            return value?.DeepClone();
        }

        // reference() of a module gives its evaluated outputs; of anything else, a runtime value.
        private JsonNode? Reference(string id)
        {
            const string Deployments = "/providers/Microsoft.Resources/deployments/";
            var at = id.LastIndexOf(Deployments, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var module = Module(id[(at + Deployments.Length)..]) ?? throw new InvalidOperationException($"Module {id} is not deployed (its condition is false) but is referenced.");
                var outputs = new JsonObject();
                foreach (var (name, value) in module.Outputs)
                {
                    outputs[name] = new JsonObject { ["value"] = value?.DeepClone() };
                }

                return new JsonObject { ["outputs"] = outputs };
            }

            return JsonValue.Create(RuntimeValue.Of(id));
        }

        private static void Arity(ArmCall call, int count)
        {
            if (call.Arguments.Count != count)
            {
                throw new FormatException($"{call.Name}() takes {count} arguments.");
            }
        }
    }

    internal static bool Truthy(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b)
        ? b
        : throw new InvalidOperationException($"Expected true or false, got {node?.ToJsonString() ?? "null"}.");

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        _ => false,
    };

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidOperationException($"Expected a string, got {node?.ToJsonString() ?? "null"}.");

    private static long Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) ? n
        : node is JsonValue w && w.TryGetValue<int>(out var i) ? i
        : throw new InvalidOperationException($"Expected a number, got {node?.ToJsonString() ?? "null"}.");

    // ARM's string(): strings as they are, booleans as True/False, objects and arrays as JSON.
    private static string Stringify(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
    };

    // Stand-ins with the shape of ARM's functions; the exact values do not matter to the tests.
    private static string UniqueString(IEnumerable<string> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return new string(hash.Take(13).Select(b => Alphabet[b % 32]).ToArray());
    }

    private static Guid DeterministicGuid(IEnumerable<string> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('-', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
