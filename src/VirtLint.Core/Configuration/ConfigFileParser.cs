using System.Globalization;

namespace VirtLint.Core.Configuration;

/// <summary>
/// Reads one <c>.virtlint.yaml</c> into a <see cref="ConfigFile"/>, validating every key, rule, tag, category,
/// parameter, glob and date against the rule catalogue. Every problem is reported (not just the first), each at
/// <c>file:line:col</c> with a did-you-mean where a known name is close.
/// </summary>
public static class ConfigFileParser
{
    public static readonly IReadOnlyList<string> TopLevelKeys = ["extends", "include", "exclude", "fail-on", "rules", "overrides", "ignores"];
    public static readonly IReadOnlyList<string> RuleKeys = ["severity", "params"];
    public static readonly IReadOnlyList<string> OverrideKeys = ["files", "rules"];
    public static readonly IReadOnlyList<string> IgnoreKeys = ["rule", "files", "reason", "until"];

    /// <summary>The parsed file, or null when <paramref name="errors"/> gained at least one error.</summary>
    public static ConfigFile? Parse(string text, string fullPath, RuleLookup lookup, List<ConfigError> errors)
    {
        var before = errors.Count;
        var root = ConfigYamlReader.Read(text, fullPath, errors);
        if (errors.Count > before) return null;
        var parser = new Parser(fullPath, lookup, errors);
        var file = parser.File(root);
        return errors.Count > before ? null : file;
    }

    private sealed class Parser(string path, RuleLookup lookup, List<ConfigError> errors)
    {
        private readonly string _directory = System.IO.Path.GetDirectoryName(path) ?? ".";

        public ConfigFile File(ConfigNode? root)
        {
            IReadOnlyList<ExtendsEntry>? extends = null;
            IReadOnlyList<Glob>? include = null, exclude = null;
            FailLevel? failOn = null;
            IReadOnlyList<RuleSetting> rules = [];
            var overrides = new List<ConfigOverride>();
            var ignores = new List<ConfigIgnore>();

            if (root is not null and not ConfigMapping && !(root is ConfigScalar { IsNull: true }))
                Error(root, $"A configuration file is a mapping of keys such as 'extends' and 'rules'; found {root.Describe()}.");

            foreach (var (key, value) in Entries(root as ConfigMapping, TopLevelKeys, "a configuration file"))
            {
                switch (key.Value)
                {
                    case "extends":
                        // "extends:" with nothing after it reads as no extends at all (recommended), not as "extend nothing".
                        if (value is not ConfigScalar { IsNull: true }) extends = Extends(value);
                        break;
                    case "include":
                        include = Globs(value, "include");
                        break;
                    case "exclude":
                        exclude = Globs(value, "exclude");
                        break;
                    case "fail-on":
                        failOn = FailOn(value);
                        break;
                    case "rules":
                        rules = Rules(value);
                        break;
                    case "overrides":
                        foreach (var item in Items(value, "overrides", "a list of {files, rules}"))
                            if (Override(item) is { } o) overrides.Add(o);
                        break;
                    case "ignores":
                        foreach (var item in Items(value, "ignores", "a list of {rule, files, reason, until}"))
                            if (Ignore(item) is { } i) ignores.Add(i);
                        break;
                }
            }

            return new ConfigFile(path, _directory, extends, include, exclude, failOn, rules, overrides, ignores);
        }

        private List<ExtendsEntry> Extends(ConfigNode value)
        {
            var result = new List<ExtendsEntry>();
            foreach (var item in ScalarOrList(value, "extends", "a preset name, a path, or a list of them"))
            {
                var text = item.Value;
                if (ConfigPresets.Find(text) is { } preset)
                {
                    result.Add(new ExtendsEntry(preset, null, item.Line, item.Column));
                }
                else if (LooksLikePath(text))
                {
                    var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(_directory, text));
                    result.Add(new ExtendsEntry(null, full, item.Line, item.Column));
                }
                else
                {
                    Error(item, $"Unknown preset '{text}'{NameSuggestions.Hint(text, ConfigPresets.Names)} The presets are {string.Join(", ", ConfigPresets.Names)}; a config file to extend is written as a path ('../.virtlint.yaml').");
                }
            }

            return result;
        }

        private static bool LooksLikePath(string text) =>
            text.Contains('/') || text.Contains('\\') || text.EndsWith(".yaml", StringComparison.Ordinal) || text.EndsWith(".yml", StringComparison.Ordinal);

        private FailLevel? FailOn(ConfigNode value)
        {
            if (value is ConfigScalar { IsNull: false } scalar && LevelNames.TryParseFailLevel(scalar.Value, out var level)) return level;
            Error(value, $"'fail-on' is one of {string.Join(", ", LevelNames.FailLevels)}; found {value.Describe()}{Suggest(value, LevelNames.FailLevels)}");
            return null;
        }

        private List<Glob> Globs(ConfigNode value, string key)
        {
            var result = new List<Glob>();
            foreach (var item in ScalarOrList(value, key, "a glob or a list of globs"))
            {
                if (Glob.TryParse(item.Value, out var glob, out var problem)) result.Add(glob!);
                else Error(item, $"'{item.Value}' is not a valid glob: {problem}.");
            }

            return result;
        }

        // ---- rules ----

        private List<RuleSetting> Rules(ConfigNode value)
        {
            var result = new List<RuleSetting>();
            if (value is ConfigScalar { IsNull: true }) return result;
            if (value is not ConfigMapping mapping)
            {
                Error(value, $"'rules' is a mapping from a rule, 'tag:NAME' or 'category:NAME' to a level; found {value.Describe()}.");
                return result;
            }

            var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
            foreach (var (key, setting) in mapping.Entries)
            {
                if (!RuleSelector.TryParse(key.Value, lookup, out var selector, out var problem))
                {
                    Error(key, problem!);
                    continue;
                }

                var identity = selector!.Rule?.Id ?? selector.Text;
                if (seen.TryGetValue(identity, out var earlier))
                {
                    Error(key, $"'{key.Value}' names the same rule as '{earlier.Value}' on line {earlier.Line}; configure it once.");
                    continue;
                }

                seen[identity] = key;
                if (Setting(selector, setting) is { } parsed) result.Add(parsed);
            }

            return result;
        }

        private RuleSetting? Setting(RuleSelector selector, ConfigNode value)
        {
            if (value is ConfigScalar scalar)
                return Level(scalar) is { } level ? new RuleSetting(selector, level, Empty) : null;

            if (value is not ConfigMapping mapping)
            {
                Error(value, $"'{selector.Text}' takes a level ({string.Join(", ", LevelNames.RuleLevels)}) or a mapping with 'severity' and 'params'; found {value.Describe()}.");
                return null;
            }

            RuleLevel? severity = null;
            IReadOnlyDictionary<string, ParameterValue> parameters = Empty;
            var valid = true;
            foreach (var (key, item) in Entries(mapping, RuleKeys, $"the settings of '{selector.Text}'"))
            {
                if (key.Value == "severity")
                {
                    if (item is ConfigScalar s && Level(s) is { } level) severity = level;
                    else if (item is not ConfigScalar) Error(item, $"'severity' is one of {string.Join(", ", LevelNames.RuleLevels)}; found {item.Describe()}.");
                    valid &= severity is not null;
                }
                else if (selector.Rule is null)
                {
                    Error(key, $"'params' apply to one rule, and '{selector.Text}' names a group; set parameters under the rule's id or name.");
                    valid = false;
                }
                else if (Parameters(selector.Rule, item) is { } bound)
                {
                    parameters = bound;
                }
                else
                {
                    valid = false;
                }
            }

            return valid ? new RuleSetting(selector, severity, parameters) : null;
        }

        private RuleLevel? Level(ConfigScalar scalar)
        {
            if (LevelNames.TryParseRuleLevel(scalar.Value, out var level)) return level;
            Error(scalar, $"The level is one of {string.Join(", ", LevelNames.RuleLevels)}; found {scalar.Describe()}{Suggest(scalar, LevelNames.RuleLevels)}");
            return null;
        }

        private Dictionary<string, ParameterValue>? Parameters(RuleDescriptor rule, ConfigNode value)
        {
            if (value is not ConfigMapping mapping)
            {
                Error(value, $"'params' is a mapping from parameter name to value; found {value.Describe()}.");
                return null;
            }

            var result = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
            var valid = true;
            foreach (var (key, item) in mapping.Entries)
            {
                var declaration = rule.Parameters.FirstOrDefault(p => p.Name == key.Value);
                if (declaration is null)
                {
                    var names = rule.Parameters.Select(p => p.Name).ToArray();
                    Error(key, names.Length == 0
                        ? $"{rule.Id} {rule.Name} has no parameters."
                        : $"{rule.Id} {rule.Name} has no parameter '{key.Value}'{NameSuggestions.Hint(key.Value, names)} Its parameters: {string.Join(", ", names)}.");
                    valid = false;
                    continue;
                }

                var bound = ParameterBinder.Bind(rule, declaration, item, out var problem, out var at);
                if (bound is null)
                {
                    Error(at, problem!);
                    valid = false;
                    continue;
                }

                result[declaration.Name] = bound;
            }

            return valid ? result : null;
        }

        // ---- overrides and ignores ----

        private ConfigOverride? Override(ConfigNode item)
        {
            if (item is not ConfigMapping mapping)
            {
                Error(item, $"Each override is a mapping with 'files' and 'rules'; found {item.Describe()}.");
                return null;
            }

            List<Glob>? files = null;
            List<RuleSetting>? rules = null;
            foreach (var (key, value) in Entries(mapping, OverrideKeys, "an override"))
            {
                if (key.Value == "files") files = Globs(value, "files");
                else rules = Rules(value);
            }

            if (files is null) Error(mapping, "This override has no 'files'; say which files its rules apply to.");
            if (rules is null) Error(mapping, "This override has no 'rules'.");
            return files is null || rules is null ? null : new ConfigOverride(files, rules);
        }

        private ConfigIgnore? Ignore(ConfigNode item)
        {
            if (item is not ConfigMapping mapping)
            {
                Error(item, $"Each ignore is a mapping with 'rule', 'files', 'reason' and optionally 'until'; found {item.Describe()}.");
                return null;
            }

            RuleDescriptor? rule = null;
            List<Glob>? files = null;
            string? reason = null;
            DateOnly? until = null;
            var valid = true;
            foreach (var (key, value) in Entries(mapping, IgnoreKeys, "an ignore"))
            {
                switch (key.Value)
                {
                    case "rule":
                        if (value is ConfigScalar { IsNull: false } name)
                        {
                            rule = lookup.Find(name.Value);
                            if (rule is null) Error(name, $"Unknown rule '{name.Value}'{lookup.SuggestRule(name.Value)}");
                        }
                        else
                        {
                            Error(value, $"'rule' names one rule by id or name; found {value.Describe()}.");
                        }

                        valid &= rule is not null;
                        break;
                    case "files":
                        files = Globs(value, "files");
                        break;
                    case "reason":
                        if (value is ConfigScalar { IsNull: false } text && text.Value.Trim().Length > 0) reason = text.Value.Trim();
                        else Error(value, "'reason' is required and cannot be empty: say why the finding is accepted.");
                        break;
                    case "until":
                        if (value is ConfigScalar { IsNull: false } date && DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                        {
                            until = day;
                        }
                        else
                        {
                            Error(value, $"'until' is a date written YYYY-MM-DD (the last day the ignore applies); found {(value is ConfigScalar s ? $"'{s.Value}'" : value.Describe())}.");
                            valid = false;
                        }

                        break;
                }
            }

            if (!mapping.Entries.Any(e => e.Key.Value == "rule")) Error(mapping, "This ignore has no 'rule'.");
            if (files is null) Error(mapping, "This ignore has no 'files'; say which files it applies to.");
            if (!mapping.Entries.Any(e => e.Key.Value == "reason")) Error(mapping, "This ignore has no 'reason'; say why the finding is accepted.");
            return valid && rule is not null && files is not null && reason is not null
                ? new ConfigIgnore(rule, files, reason, until, path, _directory, mapping.Line, mapping.Column)
                : null;
        }

        // ---- shapes ----

        private IEnumerable<KeyValuePair<ConfigScalar, ConfigNode>> Entries(ConfigMapping? mapping, IReadOnlyList<string> known, string where)
        {
            if (mapping is null) yield break;
            foreach (var entry in mapping.Entries)
            {
                if (known.Contains(entry.Key.Value, StringComparer.Ordinal)) yield return entry;
                else Error(entry.Key, $"Unknown key '{entry.Key.Value}' in {where}{NameSuggestions.Hint(entry.Key.Value, known)} The keys are {string.Join(", ", known)}.");
            }
        }

        private IEnumerable<ConfigNode> Items(ConfigNode value, string key, string shape)
        {
            if (value is ConfigScalar { IsNull: true }) return [];
            if (value is ConfigSequence sequence) return sequence.Items;
            Error(value, $"'{key}' is {shape}; found {value.Describe()}.");
            return [];
        }

        private IEnumerable<ConfigScalar> ScalarOrList(ConfigNode value, string key, string shape)
        {
            if (value is ConfigScalar { IsNull: false } single) return [single];
            var result = new List<ConfigScalar>();
            if (value is ConfigSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (item is ConfigScalar { IsNull: false } scalar) result.Add(scalar);
                    else Error(item, $"Each item of '{key}' is a string; found {item.Describe()}.");
                }

                return result;
            }

            if (value is not ConfigScalar { IsNull: true }) Error(value, $"'{key}' is {shape}; found {value.Describe()}.");
            return result;
        }

        private static string Suggest(ConfigNode value, IReadOnlyList<string> names) =>
            value is ConfigScalar { IsNull: false } scalar ? NameSuggestions.Hint(scalar.Value, names) : ".";

        private void Error(ConfigNode node, string message) => errors.Add(ConfigError.At(path, node, message));

        private static readonly IReadOnlyDictionary<string, ParameterValue> Empty = new Dictionary<string, ParameterValue>();
    }
}
