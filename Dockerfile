# Build stage: the same Maven build as on a developer machine (linux-x86_64 or linux-arm64 natives by profile).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -DexcludeScope=test || true
COPY src/main ./src/main
COPY db ./db
# -Dmaven.test.skip=true: the tests are neither compiled nor run here (they need PostgreSQL and the speech engines;
# .ci/run runs them), so the image build needs no test dependencies.
RUN mvn -B -q -Dmaven.test.skip=true -Dcds.skip=true package

# Runtime: a JRE on glibc (FFmpeg's natives need it), the speech engines (espeak-ng for Chinese and the other
# languages; Festival with its HTS and diphone voices and Flite for English), CJK fonts for text.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends espeak-ng festival festvox-us-slt-hts festvox-kallpc16k \
       festvox-kdlpc16k flite fonts-noto-cjk fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
# The server runs as an unprivileged user that owns only its data folder and its home (JavaCPP unpacks FFmpeg's
# natives under ~/.javacpp).
RUN groupadd --system --gid 10001 emulator \
    && useradd --system --uid 10001 --gid emulator --create-home --home-dir /home/emulator --shell /usr/sbin/nologin emulator \
    && mkdir -p /data && chown emulator:emulator /data
WORKDIR /app
COPY jvm.options /app/jvm.options
COPY --from=build /src/target/metastudio-emulator.jar /tmp/metastudio-emulator.jar
# Unpacked and started once up to the context refresh, on this image's own JVM (an archive only serves the JVM that
# wrote it), to record the classes a start loads: with the archive a start needs about half the CPU.
RUN java -Djarmode=tools -jar /tmp/metastudio-emulator.jar extract --destination /app \
    && java -XX:ArchiveClassesAtExit=/app/metastudio-emulator.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
       -XX:VMOptionsFile=/app/jvm.options -Dmetastudio.class-data-training=true -jar /app/metastudio-emulator.jar \
       --server.port=0 --metastudio.data-dir=/tmp/cds-training --logging.level.root=WARN \
    && rm -rf /tmp/cds-training /tmp/metastudio-emulator.jar /root/.javacpp
ENV METASTUDIO_DATA_DIR=/data
# Declared after the chown, so a new named volume starts owned by the emulator user.
VOLUME /data
USER emulator
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/_emulator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/metastudio-emulator.jsa", "-XX:VMOptionsFile=/app/jvm.options", "-jar", "/app/metastudio-emulator.jar"]
