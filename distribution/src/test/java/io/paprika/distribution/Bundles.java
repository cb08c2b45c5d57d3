package io.paprika.distribution;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes bundle jars for hot-load tests: from test classes with bnd, or a rebuilt plugin. */
final class Bundles {
    private Bundles() {
    }

    /** A bundle of one test package, built with bnd (Declarative Services annotations processed). */
    static void fromTestPackage(String symbolicName, String pkg, Path target) throws Exception {
        try (Builder b = new Builder()) {
            b.setProperty("Bundle-SymbolicName", symbolicName);
            b.setProperty("Bundle-Version", "1.0.0");
            b.setProperty("Private-Package", pkg);
            b.setProperty("Import-Package", "*");
            b.setProperty("-dsannotations", "*");
            b.addClasspath(new File("target/test-classes"));
            try (Jar jar = b.build()) {
                if (!b.isOk()) {
                    throw new IllegalStateException("bnd failed: " + b.getErrors());
                }
                writeAtomically(target, out -> jar.write(out));
            }
        }
    }

    /** A copy of a bundle with a new {@code Bundle-Version}: a new build as OSGi sees it. */
    static void rebuilt(Path original, String version, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(original); JarInputStream jin = new JarInputStream(in)) {
            Manifest mf = new Manifest(jin.getManifest());
            mf.getMainAttributes().putValue("Bundle-Version", version);
            writeAtomically(target, out -> {
                try (JarOutputStream jout = new JarOutputStream(out, mf)) {
                    for (JarEntry e; (e = jin.getNextJarEntry()) != null;) {
                        jout.putNextEntry(new JarEntry(e.getName()));
                        jin.transferTo(jout);
                        jout.closeEntry();
                    }
                }
            });
        }
    }

    /** Copies a jar in so the watcher never sees half a file. */
    static void copyAtomically(Path source, Path target) throws IOException {
        writeAtomically(target, out -> Files.copy(source, out));
    }

    interface Writer {
        void write(OutputStream out) throws Exception;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
