package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/** Every PyTorch fixture is reproduced field by field to rtol 1e-9. */
public class FixtureTraceTest {
    public static final double RTOL = 1e-9;
    static final double ATOL = 1e-14;

    static Stream<String> fixtures() {
        return Fixtures.names().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void traceMatchesPyTorch(String name) throws Exception {
        Model model = ModelIO.read(Fixtures.path(name + ".model.json"));
        Sequence seq = SequenceIO.read(Fixtures.path(name + ".seq.json"), model.config());
        Run run = new Run(model, seq.length());
        run.load(seq);
        JsonNode ours = TraceIO.toJson(run);
        JsonNode expected = JsonNav.MAPPER.readTree(Fixtures.path(name + ".trace.json").toFile());
        List<String> problems = new ArrayList<>();
        int[] compared = new int[1];
        compare("", expected, ours, problems, compared);
        assertThat(problems).as(name).isEmpty();
        assertThat(compared[0]).as("numbers compared").isGreaterThan(100);
    }

    /** Walks the expected tree; every key and number must be present in ours and agree. */
    public static void compare(String path, JsonNode exp, JsonNode got, List<String> problems, int[] count) {
        if (got == null || got.isMissingNode()) {
            problems.add(path + ": missing");
            return;
        }
        if (exp.isNumber()) {
            count[0]++;
            double e = exp.asDouble();
            double g = got.asDouble();
            if (!got.isNumber() || Math.abs(e - g) > RTOL * Math.abs(e) + ATOL) {
                problems.add(path + ": expected " + e + ", got " + got.asText());
            }
        } else if (exp.isArray()) {
            if (!got.isArray() || got.size() != exp.size()) {
                problems.add(path + ": expected an array of " + exp.size() + ", got " + got);
                return;
            }
            for (int i = 0; i < exp.size(); i++) {
                compare(path + "[" + i + "]", exp.get(i), got.get(i), problems, count);
            }
        } else if (exp.isObject()) {
            for (Iterator<String> it = exp.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                compare(path.isEmpty() ? k : path + "." + k, exp.get(k), got.get(k), problems, count);
            }
            for (Iterator<String> it = got.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!exp.has(k)) {
                    problems.add((path.isEmpty() ? k : path + "." + k) + ": not in the fixture");
                }
            }
        } else if (!exp.equals(got)) {
            problems.add(path + ": expected " + exp + ", got " + got);
        }
    }
}
