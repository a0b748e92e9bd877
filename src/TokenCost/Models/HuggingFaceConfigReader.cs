using System.Globalization;
using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Internal;

namespace TokenCost.Models;

/// <summary>
/// Reads a Hugging Face <c>config.json</c> into a <see cref="ModelArchitecture"/>, for the families llama, mistral, mixtral, qwen2,
/// qwen3, qwen3_moe, deepseek_v3, kimi_k2, gpt_oss, llama4, gemma3 (and gemma3_text) and glm4_moe. Multimodal wrappers are read
/// through their <c>text_config</c>.
/// </summary>
/// <remarks>
/// <para>This type is stateless and thread-safe. Files are read strictly and bounded: at most <see cref="MaxBytes"/> bytes,
/// nesting depth 32, no comments, trailing commas or duplicate keys; every key that is read must have the JSON type it has in
/// transformers (an integer is an integer, not a string or a fraction). Keys the estimate does not need are ignored, as config
/// files carry many. An unknown <c>model_type</c>, a missing key or a wrongly typed one throws a <see cref="CatalogException"/>
/// naming the file, the key and what the key is needed for.</para>
/// <para>Defaults are transformers' own where a family's config class has one: <c>num_key_value_heads</c> = heads,
/// <c>head_dim</c> = hidden ÷ heads, untied embeddings (tied for Gemma 3), Gemma 3's 262,208-row vocabulary, 131,072 context and
/// 5 local : 1 global layer pattern, Llama 4's NoPE global attention on every 4th layer and one shared expert per MoE layer.</para>
/// </remarks>
public static class HuggingFaceConfigReader
{
    /// <summary>The largest config file accepted: 1 MB (real ones are 1–10 kB).</summary>
    public const int MaxBytes = 1_000_000;

    /// <summary>Gets the supported <c>model_type</c> values.</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } =
        ["llama", "mistral", "mixtral", "qwen2", "qwen3", "qwen3_moe", "deepseek_v3", "kimi_k2", "gpt_oss", "llama4", "llama4_text", "gemma3", "gemma3_text", "glm4_moe"];

    /// <summary>Reads a config file.</summary>
    /// <param name="path">The <c>config.json</c> path.</param>
    /// <param name="id">The model id to give the architecture, or null for the file name without its extension.</param>
    /// <returns>The architecture (validated).</returns>
    /// <exception cref="CatalogException">The file cannot be read, is not valid JSON, or lacks or mistypes a key.</exception>
    public static ModelArchitecture ReadFile(string path, string? id = null)
    {
        Guard.NotEmpty(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                throw new CatalogException(path, null, $"file is larger than the {MaxBytes} byte limit for a config.json");
            }

            using var stream = File.OpenRead(path);
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxBytes)
                {
                    throw new CatalogException(path, null, $"file is larger than the {MaxBytes} byte limit for a config.json");
                }
            }

            bytes = buffer.ToArray();
        }
        catch (IOException ex)
        {
            throw new CatalogException(path, null, "cannot read the file: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CatalogException(path, null, "cannot read the file: " + ex.Message, ex);
        }

        return Parse(bytes, path, id ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses config text.</summary>
    /// <param name="utf8">The UTF-8 JSON.</param>
    /// <param name="sourceName">A name for error messages (the file name).</param>
    /// <param name="id">The model id to give the architecture.</param>
    /// <returns>The architecture (validated).</returns>
    /// <exception cref="CatalogException">The JSON is invalid or lacks or mistypes a key.</exception>
    public static ModelArchitecture Parse(ReadOnlySpan<byte> utf8, string sourceName, string id)
    {
        Guard.NotEmpty(sourceName);
        Guard.NotEmpty(id);
        if (utf8.Length > MaxBytes)
        {
            throw new CatalogException(sourceName, null, $"file is larger than the {MaxBytes} byte limit for a config.json");
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new CatalogException(sourceName, (ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message.Split(" Path:", 2)[0], ex);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CatalogException(sourceName, 1, "a config.json must be a JSON object");
            }

            RejectDuplicates(doc.RootElement, sourceName, "");
            return new Config(doc.RootElement, sourceName, "").Build(id);
        }
    }

    private static void RejectDuplicates(JsonElement e, string file, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
            {
                if (!seen.Add(p.Name))
                {
                    throw new CatalogException(file, null, $"key '{path}{p.Name}' appears twice");
                }

                RejectDuplicates(p.Value, file, path + p.Name + ".");
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                RejectDuplicates(item, file, path);
            }
        }
    }

    /// <summary>Typed access to one config object (the root or its text_config) with errors naming file, key and purpose.</summary>
    private sealed class Config(JsonElement root, string file, string prefix)
    {
        public ModelArchitecture Build(string id)
        {
            var type = RequiredString("model_type", "to know the architecture family");
            if (!SupportedModelTypes.Contains(type))
            {
                throw Fail("model_type", $"'{type}' is not supported; supported: {string.Join(", ", SupportedModelTypes)}");
            }

            if (type is "llama4" or "gemma3" && root.TryGetProperty("text_config", out var text) && text.ValueKind == JsonValueKind.Object)
            {
                var inner = new Config(text, file, "text_config.");
                return inner.Family(type, id, Name(root));
            }

            if (type is "llama4" or "gemma3")
            {
                throw Fail("text_config", "is missing; a multimodal config holds the language model's shape there");
            }

            return Family(type, id, Name(root));
        }

        private static string? Name(JsonElement root) =>
            root.TryGetProperty("_name_or_path", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } s ? s : null;

        private ModelArchitecture Family(string type, string id, string? name)
        {
            var hidden = Int("hidden_size", "for every weight matrix's width");
            var layers = Int("num_hidden_layers", "for the number of decoder layers");
            var heads = Int("num_attention_heads", "for the attention projections and compute");
            var kvHeads = OptionalInt("num_key_value_heads", "for the KV-cache size") ?? heads;
            var headDim = OptionalInt("head_dim", "for the attention widths") ?? (hidden % heads == 0 ? hidden / heads : throw Fail("head_dim", $"is missing and hidden_size {hidden} is not a multiple of num_attention_heads {heads}"));
            var gemma = type is "gemma3" or "gemma3_text";
            var vocab = gemma ? OptionalInt("vocab_size", "for the embedding and output head") ?? 262_208 : Int("vocab_size", "for the embedding and output head");
            var maxContext = gemma ? OptionalInt("max_position_embeddings", "for the context limit") ?? 131_072 : Int("max_position_embeddings", "for the context limit");
            var tied = OptionalBool("tie_word_embeddings", "to know whether the output head is a separate matrix") ?? gemma;
            var m = new ModelArchitecture
            {
                Id = id,
                Name = name ?? id,
                Layers = layers,
                HiddenSize = hidden,
                AttentionHeads = heads,
                KeyValueHeads = kvHeads,
                HeadDimension = headDim,
                VocabularySize = vocab,
                TiedEmbeddings = tied,
                MaxContext = maxContext,
                Attention = kvHeads == heads ? AttentionKind.Mha : kvHeads == 1 ? AttentionKind.Mqa : AttentionKind.Gqa,
                FeedForward = FeedForwardKind.SwiGlu, // every supported family has a gated FFN (SwiGLU or GeGLU: three matrices)
                Source = string.Create(CultureInfo.InvariantCulture, $"Hugging Face config.json {Path.GetFileName(file)} (model_type {type})"),
            };
            m = type switch
            {
                "llama" or "qwen2" or "qwen3" or "mistral" => Dense(m, type),
                "mixtral" => m with
                {
                    Experts = Int("num_local_experts", "for the experts per MoE layer"),
                    ExpertsPerToken = Int("num_experts_per_tok", "for the experts each token uses"),
                    ExpertIntermediateSize = Int("intermediate_size", "for each expert's FFN width"),
                    SlidingWindow = OptionalInt("sliding_window", "for the attention window") ?? 0,
                    SlidingWindowLayers = OptionalInt("sliding_window", "for the attention window") is > 0 ? layers : 0,
                },
                "qwen3_moe" => QwenMoe(m),
                "deepseek_v3" or "kimi_k2" => DeepSeek(m),
                "glm4_moe" => Glm(m),
                "gpt_oss" => GptOss(m),
                "llama4" or "llama4_text" => Llama4(m),
                "gemma3" or "gemma3_text" => Gemma(m),
                _ => throw Fail("model_type", $"'{type}' is not supported; supported: {string.Join(", ", SupportedModelTypes)}"),
            };
            try
            {
                m.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CatalogException(file, null, $"the config describes an inconsistent model: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }

            return m;
        }

        private ModelArchitecture Dense(ModelArchitecture m, string type)
        {
            m = m with { IntermediateSize = Int("intermediate_size", "for the FFN width"), DenseLayers = m.Layers };
            // Mistral applies its window (when not null) to every layer; Qwen2/3 only when use_sliding_window is true, from max_window_layers on.
            var window = OptionalInt("sliding_window", "for the attention window") ?? 0;
            if (window > 0 && type == "mistral")
            {
                return m with { SlidingWindow = window, SlidingWindowLayers = m.Layers };
            }

            if (window > 0 && type is "qwen2" or "qwen3" && OptionalBool("use_sliding_window", "to know whether the window is used") == true)
            {
                var full = Math.Min(m.Layers, OptionalInt("max_window_layers", "for the layers that attend fully") ?? m.Layers);
                return full < m.Layers ? m with { SlidingWindow = window, SlidingWindowLayers = m.Layers - full } : m;
            }

            return m;
        }

        private ModelArchitecture QwenMoe(ModelArchitecture m)
        {
            var step = OptionalInt("decoder_sparse_step", "for which layers are MoE") ?? 1;
            var dense = new HashSet<int>(IntList("mlp_only_layers", "for the layers with a dense FFN"));
            var moeLayers = 0;
            for (var i = 0; i < m.Layers; i++)
            {
                moeLayers += !dense.Contains(i) && step > 0 && (i + 1) % step == 0 ? 1 : 0;
            }

            var denseLayers = m.Layers - moeLayers;
            return m with
            {
                Experts = Int("num_experts", "for the experts per MoE layer"),
                ExpertsPerToken = Int("num_experts_per_tok", "for the experts each token uses"),
                ExpertIntermediateSize = Int("moe_intermediate_size", "for each expert's FFN width"),
                DenseLayers = denseLayers,
                IntermediateSize = denseLayers > 0 ? Int("intermediate_size", "for the dense layers' FFN width") : 0,
            };
        }

        private ModelArchitecture DeepSeek(ModelArchitecture m)
        {
            var freq = OptionalInt("moe_layer_freq", "for which layers are MoE") ?? 1;
            var firstDense = Math.Min(m.Layers, OptionalInt("first_k_dense_replace", "for the leading dense layers") ?? 0);
            var moeLayers = 0;
            for (var i = firstDense; i < m.Layers; i++)
            {
                moeLayers += freq > 0 && i % freq == 0 ? 1 : 0;
            }

            var nope = Int("qk_nope_head_dim", "for the MLA key/query width without position");
            var rope = Int("qk_rope_head_dim", "for the MLA rotary width cached with the latent");
            var denseLayers = m.Layers - moeLayers;
            return m with
            {
                Attention = AttentionKind.Mla,
                HeadDimension = nope + rope,
                QueryLowRank = OptionalInt("q_lora_rank", "for the MLA query compression") ?? 0,
                KvLowRank = Int("kv_lora_rank", "for the MLA latent the KV cache holds"),
                RopeHeadDimension = rope,
                ValueHeadDimension = Int("v_head_dim", "for the MLA value and output widths"),
                Experts = Int("n_routed_experts", "for the experts per MoE layer"),
                ExpertsPerToken = Int("num_experts_per_tok", "for the experts each token uses"),
                SharedExperts = OptionalInt("n_shared_experts", "for the always-active experts") ?? 0,
                ExpertIntermediateSize = Int("moe_intermediate_size", "for each expert's FFN width"),
                DenseLayers = denseLayers,
                IntermediateSize = denseLayers > 0 ? Int("intermediate_size", "for the dense layers' FFN width") : 0,
                MultiTokenPredictionLayers = OptionalInt("num_nextn_predict_layers", "for the multi-token-prediction modules") ?? 0,
            };
        }

        private ModelArchitecture Glm(ModelArchitecture m)
        {
            var firstDense = Math.Min(m.Layers, OptionalInt("first_k_dense_replace", "for the leading dense layers") ?? 0);
            return m with
            {
                Experts = Int("n_routed_experts", "for the experts per MoE layer"),
                ExpertsPerToken = Int("num_experts_per_tok", "for the experts each token uses"),
                SharedExperts = OptionalInt("n_shared_experts", "for the always-active experts") ?? 0,
                ExpertIntermediateSize = Int("moe_intermediate_size", "for each expert's FFN width"),
                DenseLayers = firstDense,
                IntermediateSize = firstDense > 0 ? Int("intermediate_size", "for the dense layers' FFN width") : 0,
                MultiTokenPredictionLayers = OptionalInt("num_nextn_predict_layers", "for the multi-token-prediction modules") ?? 0,
            };
        }

        private ModelArchitecture GptOss(ModelArchitecture m)
        {
            var window = Int("sliding_window", "for the window of the sliding-attention layers");
            var types = StringList("layer_types", "for which layers use the sliding window");
            var sliding = types.Count == 0 ? m.Layers / 2 : types.Count(t => t == "sliding_attention");
            if (types.Count != 0 && types.Count != m.Layers)
            {
                throw Fail("layer_types", $"lists {types.Count} layers; num_hidden_layers is {m.Layers}");
            }

            return m with
            {
                Experts = Int("num_local_experts", "for the experts per MoE layer"),
                ExpertsPerToken = OptionalInt("num_experts_per_tok", "for the experts each token uses") ?? Int("experts_per_token", "for the experts each token uses"),
                ExpertIntermediateSize = Int("intermediate_size", "for each expert's FFN width"),
                SlidingWindow = sliding > 0 ? window : 0,
                SlidingWindowLayers = sliding,
            };
        }

        private ModelArchitecture Llama4(ModelArchitecture m)
        {
            var step = OptionalInt("interleave_moe_layer_step", "for which layers are MoE") ?? 1;
            var moeLayers = step > 0 ? m.Layers / step : 0;
            var denseLayers = m.Layers - moeLayers;
            var chunk = OptionalInt("attention_chunk_size", "for the chunk of the chunked-attention layers") ?? 0;
            // NoPE layers attend globally; transformers' default puts one on every 4th layer (no_rope_layer_interval 4).
            var noRope = IntList("no_rope_layers", "for which layers attend globally");
            var chunked = noRope.Count == m.Layers ? noRope.Count(x => x != 0) : m.Layers - (m.Layers / 4);
            return m with
            {
                Experts = Int("num_local_experts", "for the experts per MoE layer"),
                ExpertsPerToken = Int("num_experts_per_tok", "for the experts each token uses"),
                SharedExperts = 1,
                ExpertIntermediateSize = Int("intermediate_size", "for each expert's FFN width"),
                DenseLayers = denseLayers,
                IntermediateSize = denseLayers > 0 ? Int("intermediate_size_mlp", "for the dense layers' FFN width") : 0,
                SlidingWindow = chunk > 0 ? chunk : 0,
                SlidingWindowLayers = chunk > 0 ? chunked : 0,
            };
        }

        private ModelArchitecture Gemma(ModelArchitecture m)
        {
            m = m with { IntermediateSize = Int("intermediate_size", "for the FFN width"), DenseLayers = m.Layers };
            var window = OptionalInt("sliding_window", "for the window of the local layers") ?? 4096;
            var types = StringList("layer_types", "for which layers use the sliding window");
            int sliding;
            if (types.Count > 0)
            {
                sliding = types.Count(t => t == "sliding_attention");
            }
            else
            {
                var pattern = OptionalInt("sliding_window_pattern", "for the local : global layer pattern") ?? OptionalInt("_sliding_window_pattern", "for the local : global layer pattern") ?? 6;
                sliding = m.Layers - (pattern > 0 ? m.Layers / pattern : 0);
            }

            return sliding > 0 ? m with { SlidingWindow = window, SlidingWindowLayers = sliding } : m;
        }

        private string RequiredString(string key, string purpose) =>
            root.TryGetProperty(key, out var e) ? e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Fail(key, $"must be a string ({purpose})")
            : throw Fail(key, $"is missing; it is needed {purpose}");

        private int Int(string key, string purpose) => OptionalInt(key, purpose) ?? throw Fail(key, $"is missing; it is needed {purpose}");

        private int? OptionalInt(string key, string purpose)
        {
            if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) && v >= 0
                ? v
                : throw Fail(key, $"must be an integer ≥ 0 ({purpose}); got {Show(e)}");
        }

        private bool? OptionalBool(string key, string purpose)
        {
            if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail(key, $"must be true or false ({purpose}); got {Show(e)}"),
            };
        }

        private List<int> IntList(string key, string purpose)
        {
            if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() > 100_000)
            {
                throw Fail(key, $"must be a list of integers ({purpose})");
            }

            var list = new List<int>();
            foreach (var item in e.EnumerateArray())
            {
                list.Add(item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var v) && v >= 0 ? v : throw Fail(key, $"must be a list of integers ≥ 0 ({purpose}); got {Show(item)}"));
            }

            return list;
        }

        private List<string> StringList(string key, string purpose)
        {
            if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() > 100_000)
            {
                throw Fail(key, $"must be a list of strings ({purpose})");
            }

            return e.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Fail(key, $"must be a list of strings ({purpose}); got {Show(item)}")).ToList();
        }

        private static string Show(JsonElement e)
        {
            var raw = e.GetRawText();
            return raw.Length > 40 ? raw[..40] + "…" : raw;
        }

        private CatalogException Fail(string key, string what) => new(file, null, $"key '{prefix}{key}' {what}");
    }
}
