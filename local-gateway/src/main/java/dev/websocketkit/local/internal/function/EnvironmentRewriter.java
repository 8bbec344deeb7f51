// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a function's class so that {@code System.getenv()}, {@code System.getenv(name)},
 * {@code System.out} and {@code System.err} go to {@link FunctionEnvironment} instead, with the same
 * stack effect. Classes that mention none of them are returned unchanged without being parsed.
 */
final class EnvironmentRewriter {

    private static final String SYSTEM = "java/lang/System";
    private static final String ENVIRONMENT = FunctionEnvironment.class.getName().replace('.', '/');
    private static final String PRINT_STREAM = "Ljava/io/PrintStream;";
    private static final byte[][] MARKERS = {"getenv".getBytes(StandardCharsets.US_ASCII), PRINT_STREAM.getBytes(StandardCharsets.US_ASCII)};

    private EnvironmentRewriter() {
    }

    static byte[] rewrite(byte[] classFile) {
        if (!mentionsAnyMarker(classFile)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Redirector redirector = new Redirector(writer);
        reader.accept(redirector, 0);
        return redirector.changed ? writer.toByteArray() : classFile;
    }

    private static boolean mentionsAnyMarker(byte[] classFile) {
        for (byte[] marker : MARKERS) {
            if (indexOf(classFile, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final class Redirector extends ClassVisitor {

        boolean changed;

        Redirector(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                    if (opcode == Opcodes.INVOKESTATIC && owner.equals(SYSTEM) && method.equals("getenv")) {
                        changed = true;
                        super.visitMethodInsn(opcode, ENVIRONMENT, method, methodDescriptor, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, methodDescriptor, isInterface);
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if (opcode == Opcodes.GETSTATIC && owner.equals(SYSTEM) && (field.equals("out") || field.equals("err"))) {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, ENVIRONMENT, field, "()" + PRINT_STREAM, false);
                    } else {
                        super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                    Object[] redirected = arguments.clone();
                    for (int i = 0; i < redirected.length; i++) {
                        if (redirected[i] instanceof Handle && isGetenv((Handle) redirected[i])) {
                            Handle handle = (Handle) redirected[i];
                            redirected[i] = new Handle(handle.getTag(), ENVIRONMENT, handle.getName(), handle.getDesc(), false);
                            changed = true;
                        }
                    }
                    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
                }
            };
        }

        private static boolean isGetenv(Handle handle) {
            return handle.getTag() == Opcodes.H_INVOKESTATIC && handle.getOwner().equals(SYSTEM) && handle.getName().equals("getenv");
        }
    }
}
