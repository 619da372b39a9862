package rnnlab.training.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The texts that ship with RNN Lab for the character language model (issue 16): the short essay
 * {@code assets/memory.txt}, RNN Lab's own Java sources ({@code assets/corpora/rnnlab-java.txt}) and the
 * Tang poems ({@code assets/corpora/tang300.txt}). Each carries how the shipped models read it: the Chinese
 * text needs a learned embedding and hundreds of characters in its vocabulary, and a prime to sample from.
 * The training panel offers them so that a class can train its own model on them.
 */
public enum Corpus {
    MEMORY("memory", "/assets/memory.txt", false, CharVocab.DEFAULT_COMMON, "The "),
    JAVA("java", "/assets/corpora/rnnlab-java.txt", false, CharVocab.DEFAULT_COMMON, "public "),
    TANG("tang", "/assets/corpora/tang300.txt", true, 600, "春");

    private final String id;
    private final String resource;
    private final boolean embedding;
    private final int vocab;
    private final String prime;
    private volatile String text;

    Corpus(String id, String resource, boolean embedding, int vocab, String prime) {
        this.id = id;
        this.resource = resource;
        this.embedding = embedding;
        this.vocab = vocab;
        this.prime = prime;
    }

    /** The id the panel and files use: memory, java, tang. */
    public String id() {
        return id;
    }

    /** Whether the shipped model of this text reads it through a learned embedding (not one-hot). */
    public boolean embedding() {
        return embedding;
    }

    /** The commonest characters kept in the vocabulary (besides the "other" symbol). */
    public int vocab() {
        return vocab;
    }

    /** A start for samples written while training. */
    public String prime() {
        return prime;
    }

    /** The whole text (read from the class path once, then kept). */
    public String text() {
        String t = text;
        if (t == null) {
            try (var in = Corpus.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource.substring(1) + " is missing from the build");
                }
                t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(resource.substring(1) + ": " + e.getMessage(), e);
            }
            text = t;
        }
        return t;
    }

    /** The corpus called {@code id}, or null. */
    public static Corpus of(String id) {
        for (Corpus c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
