package io.paprika.distribution;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Dockerfile as its instructions: comments dropped, backslash continuations joined. Enough to check
 * what an image declares (EXPOSE, USER, HEALTHCHECK, ...) without a Docker daemon.
 */
record DockerfileInstructions(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
        Instruction {
            requireNonNull(keyword, "keyword");
            requireNonNull(arguments, "arguments");
        }
    }

    DockerfileInstructions {
        instructions = List.copyOf(requireNonNull(instructions, "instructions"));
    }

    static DockerfileInstructions read(Path file) throws IOException {
        List<Instruction> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().strip();
            pending.setLength(0);
            int space = text.indexOf(' ');
            result.add(space < 0 ? new Instruction(text.toUpperCase(), "")
                    : new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        if (!pending.isEmpty()) {
            throw new IOException(file + " ends inside a continued line: " + pending);
        }
        return new DockerfileInstructions(result);
    }

    /** The arguments of every instruction with this keyword, in order. */
    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The arguments of the last instruction with this keyword (the one that takes effect), or "". */
    String last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
}
