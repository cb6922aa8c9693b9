// Run by ./quantarch (source launcher, JDK 25+) when it builds its AOT class cache:
//   java scripts/UpgradeBytecode.java IN.jar OUT.jar
// Copies IN.jar to OUT.jar with every class file rewritten to class-file version 52 and stack map frames computed.
// Why: picocli ships Java 5 bytecode (version 49) for compatibility, and the JDK's AOT cache cannot hold classes that
// old once they are linked (they need the old type-inferring verifier), so every command loaded and verified picocli's
// 229 classes from the jar (about 30 ms of a 0.3 s start). The instructions are unchanged (each method body is copied
// through the JDK's java.lang.classfile API, which recomputes the frames); a class it cannot rewrite is copied as is.
// Exit 0 with OUT.jar written, or 1 (the caller then keeps IN.jar).

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

public class UpgradeBytecode {

    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (URLClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null)) {
            // frames need the common supertype of two classes: the JDK's own, else parsed from the jar
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(jar))));
            ClassTransform toJava8 = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion v && v.majorVersion() < JAVA_8) {
                            builder.withVersion(JAVA_8, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            int rewritten = 0;
            try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                 ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    byte[] bytes = zin.readAllBytes();
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        try {
                            bytes = cf.transformClass(cf.parse(bytes), toJava8);
                            rewritten++;
                        } catch (RuntimeException notRewritable) {
                            // e.g. jsr/ret subroutines, which have no stack map form: the original class stays
                        }
                    }
                    zout.putNextEntry(new ZipEntry(e.getName()));
                    zout.write(bytes);
                    zout.closeEntry();
                }
            }
            if (rewritten == 0) {
                Files.deleteIfExists(tmp);
                System.exit(1);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception | LinkageError e) {
            Files.deleteIfExists(tmp);
            System.exit(1);
        }
    }
}
