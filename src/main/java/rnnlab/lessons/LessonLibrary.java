package rnnlab.lessons;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The lessons of one folder: every {@code NN-name.lang.md} read, checked and paired by language. Reading
 * never throws: a broken file becomes an entry whose problems say what is wrong, and the others load.
 */
public final class LessonLibrary {
    public static final String PROPERTY = "rnnlab.lessons";
    public static final List<String> LANGUAGES = List.of("en", "zh");
    static final long MAX_BYTES = 1_000_000;

    private final Path dir;
    private final List<LessonEntry> entries;
    private final List<Problem> problems;

    private LessonLibrary(Path dir, List<LessonEntry> entries, List<Problem> problems) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public Path dir() {
        return dir;
    }

    /** The lessons in order of their numbers. */
    public List<LessonEntry> entries() {
        return entries;
    }

    /** Problems of the folder itself (it is missing, or two lessons share a number). */
    public List<Problem> problems() {
        return problems;
    }

    /** Every problem: the folder's and each lesson's. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        entries.forEach(e -> all.addAll(e.problems()));
        return all;
    }

    /**
     * The shipped lessons with a teacher's folder beside them: the shipped ones first, then the folder's.
     * A lesson of the folder with the id of a shipped one replaces it (a teacher's edited copy). The
     * result's {@link #dir()} is the teacher's folder, so its problems are named relative to it.
     */
    public static LessonLibrary beside(LessonLibrary shipped, LessonLibrary own) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        own.entries.forEach(e -> ids.add(e.id()));
        List<LessonEntry> all = new ArrayList<>();
        shipped.entries.stream().filter(e -> !ids.contains(e.id())).forEach(all::add);
        all.addAll(own.entries);
        List<Problem> folder = new ArrayList<>(shipped.problems);
        folder.addAll(own.problems);
        return new LessonLibrary(own.dir, all, folder);
    }

    public LessonEntry entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** Reads and checks every lesson in {@code dir}. */
    public static LessonLibrary load(Path dir) {
        List<Problem> folder = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            folder.add(new Problem(dir, 0, "there is no lessons folder here"));
            return new LessonLibrary(dir, List.of(), folder);
        }
        Map<String, Map<String, Path>> byId = new TreeMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".md") || name.equalsIgnoreCase("README.md")) {
                    continue;
                }
                Matcher m = LessonParser.FILE_NAME.matcher(name);
                if (!m.matches()) {
                    folder.add(new Problem(f, 0, "not read: a lesson file is named NN-name.en.md or NN-name.zh.md"));
                    continue;
                }
                String id = m.group(2);
                int number = Integer.parseInt(m.group(1));
                Integer before = numbers.putIfAbsent(id, number);
                if (before != null && before != number) {
                    folder.add(new Problem(f, 0, "lesson \"" + id + "\" has two numbers, " + before + " and " + number));
                }
                byId.computeIfAbsent(id, k -> new TreeMap<>()).put(m.group(3), f);
            }
        } catch (IOException e) {
            folder.add(new Problem(dir, 0, "cannot list the folder: " + e.getMessage()));
        }
        List<LessonEntry> entries = new ArrayList<>();
        for (var e : byId.entrySet()) {
            entries.add(entry(dir, e.getKey(), numbers.get(e.getKey()), e.getValue()));
        }
        entries.sort(Comparator.comparingInt(LessonEntry::number).thenComparing(LessonEntry::id));
        Map<Integer, String> seen = new TreeMap<>();
        for (LessonEntry e : entries) {
            String other = seen.putIfAbsent(e.number(), e.id());
            if (other != null) {
                folder.add(new Problem(dir, 0, "lessons \"" + other + "\" and \"" + e.id() + "\" share the number " + e.number()));
            }
        }
        for (LessonEntry e : entries) {
            for (Lesson l : e.lessons().values()) {
                for (String p : l.front().prerequisites()) {
                    // a lesson of the same folder must come earlier; a teacher's own lesson may build on any shipped one
                    Integer n = numbers.get(p);
                    boolean ok = n != null ? n < e.number() : shippedNumber(p) != null;
                    if (!ok) {
                        folder.add(new Problem(l.file(), 1, "prerequisites: \"" + p + "\" is not " + (n == null
                                ? "a lesson id of this folder or a shipped lesson" : "an earlier lesson (it is number " + n + ")")));
                    }
                }
            }
        }
        return new LessonLibrary(dir, entries, folder);
    }

    /** The number of shipped lesson {@code id} (for a teacher's lesson that builds on one), or null. */
    private static Integer shippedNumber(String id) {
        try (Stream<Path> s = Files.list(builtInFolder())) {
            for (Path f : s.toList()) {
                Matcher m = LessonParser.FILE_NAME.matcher(f.getFileName().toString());
                if (m.matches() && m.group(2).equals(id)) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not known then
        }
        return null;
    }

    private static LessonEntry entry(Path dir, String id, int number, Map<String, Path> files) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, Lesson> parsed = new LinkedHashMap<>();
        for (var f : files.entrySet()) {
            String text = read(f.getValue(), problems);
            if (text == null) {
                continue;
            }
            LessonParser.Result r = LessonParser.parse(f.getValue(), dir, text);
            problems.addAll(r.problems());
            if (r.lesson() != null) {
                int before = problems.size();
                new LessonValidator(problems).check(r.lesson());
                parsed.put(f.getKey(), r.lesson());
                if (problems.size() == before) {
                    lessons.put(f.getKey(), r.lesson());
                }
            }
        }
        for (String lang : LANGUAGES) {
            if (!files.containsKey(lang)) {
                Path any = files.values().iterator().next();
                problems.add(new Problem(any, 0, "no " + (lang.equals("en") ? "English" : "Chinese") + " version: "
                        + String.format("%02d-%s.%s.md", number, id, lang) + " is missing"));
            }
        }
        if (parsed.containsKey("en") && parsed.containsKey("zh")) {
            Translations.compare(parsed.get("en"), parsed.get("zh"), problems);
            Translations.compareAround(parsed.get("en"), parsed.get("zh"), problems);
        }
        return new LessonEntry(id, number, problems.isEmpty() ? lessons : parsed, problems);
    }

    /** The file as UTF-8 text, or null with a problem (too large, unreadable, not UTF-8). */
    private static String read(Path f, List<Problem> problems) {
        try {
            long size = Files.size(f);
            if (size > MAX_BYTES) {
                problems.add(new Problem(f, 0, "the file has " + size + " bytes; a lesson file has at most " + MAX_BYTES));
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(f)))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(f, 0, "the file is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new Problem(f, 0, "cannot read the file: " + e.getMessage()));
        }
        return null;
    }

    /**
     * The lessons RNN Lab ships: the folder named by the system property {@code rnnlab.lessons} (kept for
     * tests and for replacing the shipped lessons; teachers use {@code --lessons DIR}, which adds a folder), else
     * {@code lessons/} inside the application (a folder while developing, inside the jar once packaged).
     */
    public static Path builtInFolder() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        URL url = LessonLibrary.class.getResource("/lessons/README.md");
        if (url == null) {
            return Path.of("lessons");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return FileSystems.newFileSystem(uri, Map.of()).getPath("/lessons");
                } catch (FileSystemAlreadyExistsException e) {
                    return FileSystems.getFileSystem(uri).getPath("/lessons");
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Path.of("lessons");
        }
    }
}
