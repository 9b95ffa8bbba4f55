package dev.metastudio.emulator.control.faults;

import dev.metastudio.emulator.callback.CallbackFaults;
import dev.metastudio.emulator.work.WorkFaults;
import dev.metastudio.emulator.work.WorkItem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fault rules as the work queue and the callback dispatcher ask for them. */
@Configuration
class FaultHooks {

    /**
     * Job faults: asked when a node claims a job, so "the next matching jobs" are the next ones claimed; the job
     * fails through its kind's own failure path (state, error code, callback) after {@code after_ms} in PROCESSING.
     */
    @Bean
    WorkFaults jobFaults(FaultRules rules) {
        return (WorkItem item) -> rules.candidates(FaultRule.Scope.JOB, item.projectId()).stream()
                .filter(rule -> rule.jobKind().equals(item.kind()))
                .filter(rules::apply)
                .findFirst()
                .map(rule -> new WorkFaults.Fault(rule.errorCode(), rule.errorMsg(), Duration.ofMillis(rule.afterMs())));
    }

    /** Callback faults: a delivery is dropped (recorded FAILED, never sent) or sent after {@code delay_ms}. */
    @Bean
    CallbackFaults callbackFaults(FaultRules rules) {
        return (projectId, jobId) -> {
            Optional<FaultRule> applied = rules.candidates(FaultRule.Scope.CALLBACK, projectId).stream()
                    .filter(rules::apply).findFirst();
            if (applied.isEmpty()) {
                return new CallbackFaults.Send();
            }
            FaultRule rule = applied.get();
            String reason = "emulator fault rule " + rule.ruleId();
            if (rule.fault() == FaultRule.Fault.DROP) {
                return new CallbackFaults.Drop(reason);
            }
            return new CallbackFaults.Delay(Duration.ofMillis(rule.delayMs()), reason);
        };
    }
}
